package io.tandem.application.fakeranking.archfixture;

import io.tandem.application.fakeranking.port.in.archfixture.RankItemsQuery;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;
import io.tandem.domain.fakeranking.archfixture.Ranking;

import java.util.List;

/** Conforming fixture on its own: a base class implementing one use case. */
public abstract class RankingServiceBase implements RankItemsUseCase {

    @Override
    public Ranking rank(RankItemsQuery query) {
        return new Ranking(List.of());
    }
}
