package io.tandem.adapters.in.bench.archfixture;

import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;
import io.tandem.application.feature.port.out.LoadUserStatePort;

/** Conforming fixture: the benchmark harness calls a use case and times one of the request path's named ports. */
public final class StageTimingProbe {

    private final RankItemsUseCase rankItems;
    private final LoadUserStatePort userState;

    public StageTimingProbe(RankItemsUseCase rankItems, LoadUserStatePort userState) {
        this.rankItems = rankItems;
        this.userState = userState;
    }
}
