package io.tandem.application.fakeranking.archfixture;

import io.tandem.application.fakeranking.port.in.archfixture.ExplainRankingUseCase;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsQuery;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;
import io.tandem.domain.fakeranking.archfixture.Ranking;

import java.util.List;

/** Violating fixture: one service implementing two use cases. */
public final class RankAndExplainService implements RankItemsUseCase, ExplainRankingUseCase {

    @Override
    public Ranking rank(RankItemsQuery query) {
        return new Ranking(List.of());
    }

    @Override
    public String explain(Ranking ranking) {
        return ranking.toString();
    }
}
