package io.tandem.application.training;

import io.tandem.application.evaluation.EvaluationFixture;
import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.RandomSplit;
import io.tandem.domain.evaluation.TemporalSplit;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefitSplitsTest {

    private static final InteractionLog WINDOW = EvaluationFixture.log(pairs());
    private static final Fold CUT = new TemporalSplit(0.1).split(WINDOW);
    private static final List<RetrievalModel> MEASURED = List.of(EvaluationFixture.parity()
            .train(InteractionMatrix.of(CUT.train()), ItemFacets.none(EvaluationFixture.ITEMS)));

    @Test
    void atScaleTheRefitsLatestSplitIsTheRunsOwnCutWithTheMeasuredRetrievers() {
        RefitSplits refit = RefitSplits.of(WINDOW, CUT, false, MEASURED, rowBound(10));

        assertThat(refit.splits()).containsExactly(new RandomSplit(0.2, 43));
        assertThat(refit.shared()).containsExactly(new TrainedSplit(CUT, MEASURED));
        assertThat(refit.describe()).contains("run's own cut");
    }

    @Test
    void belowTheRowBoundTheRefitTrainsEverySplitAsTheMeasuredRunDid() {
        RefitSplits refit = RefitSplits.of(WINDOW, CUT, false, MEASURED, rowBound(1_000_000));

        assertThat(refit.splits()).isEqualTo(RankerHoldouts.of(WINDOW, 42));
        assertThat(refit.shared()).isEmpty();
        assertThat(refit.describe()).isEmpty();
    }

    @Test
    void aCutInEventOrderIsNoLatestSplitAndIsNotShared() {
        RefitSplits refit = RefitSplits.of(WINDOW, CUT, true, MEASURED, rowBound(10));

        assertThat(refit.splits()).containsExactly(new TemporalSplit(0.1), new RandomSplit(0.2, 43));
        assertThat(refit.shared()).isEmpty();
    }

    private static TwoStageSettings rowBound(int maxRankerRows) {
        return new TwoStageSettings(4, 6, 2, maxRankerRows, 0.2, RankerParameters.defaults(), 1, 42L);
    }

    private static List<int[]> pairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int user = 0; user < 6; user++) {
            for (int item = 0; item < 10; item++) {
                pairs.add(new int[] {user, item});
            }
        }
        return pairs;
    }
}
