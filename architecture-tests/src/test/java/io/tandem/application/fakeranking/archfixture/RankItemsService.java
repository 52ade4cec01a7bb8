package io.tandem.application.fakeranking.archfixture;

import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsQuery;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;
import io.tandem.domain.fakeranking.archfixture.Ranking;

/** Conforming fixture: a service with a plain constructor taking its port. */
public final class RankItemsService implements RankItemsUseCase {

    private final LoadItemsPort loadItems;

    public RankItemsService(LoadItemsPort loadItems) {
        this.loadItems = loadItems;
    }

    @Override
    public Ranking rank(RankItemsQuery query) {
        return new Ranking(loadItems.loadItems(query.limit()));
    }
}
