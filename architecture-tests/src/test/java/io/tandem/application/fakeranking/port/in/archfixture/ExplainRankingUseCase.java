package io.tandem.application.fakeranking.port.in.archfixture;

import io.tandem.domain.fakeranking.archfixture.Ranking;

/** Conforming fixture: a second use case of the ranking feature, beside {@link RankItemsUseCase}. */
public interface ExplainRankingUseCase {

    String explain(Ranking ranking);
}
