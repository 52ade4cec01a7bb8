package io.tandem.application.fakecatalog.archfixture;

import io.tandem.application.fakeranking.port.in.archfixture.RankItemsQuery;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;

/** Violating fixture: the catalog feature calling the ranking feature, which already uses the catalog's port. */
public final class RankingAwareCatalog {

    private final RankItemsUseCase rankItems;

    public RankingAwareCatalog(RankItemsUseCase rankItems) {
        this.rankItems = rankItems;
    }

    public int ranked(int limit) {
        return rankItems.rank(new RankItemsQuery(limit)).items().size();
    }
}
