package io.tandem.application.service.archfixture;

import io.tandem.application.port.in.archfixture.RankItemsQuery;
import io.tandem.application.port.in.archfixture.RankItemsUseCase;
import io.tandem.application.port.out.archfixture.LoadItemsPort;
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
