package io.tandem.application.fakeranking.archfixture;

import io.tandem.application.fakeranking.port.in.archfixture.ExplainRankingUseCase;
import io.tandem.domain.fakeranking.archfixture.Ranking;

/** Violating fixture: a second use case added to one inherited from the base class. */
public final class ExplainedRankingService extends RankingServiceBase implements ExplainRankingUseCase {

    @Override
    public String explain(Ranking ranking) {
        return ranking.toString();
    }
}
