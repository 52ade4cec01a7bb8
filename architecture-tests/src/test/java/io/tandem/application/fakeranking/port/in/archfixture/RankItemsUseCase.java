package io.tandem.application.fakeranking.port.in.archfixture;

import io.tandem.domain.fakeranking.archfixture.Ranking;

/** Conforming fixture: an inbound port named after its use case. */
public interface RankItemsUseCase {

    Ranking rank(RankItemsQuery query);
}
