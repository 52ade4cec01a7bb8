package io.tandem.application.training;

import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.evaluation.TemporalSplit;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.RetrievalModel;

import java.util.List;

/**
 * The splits that label a refit's ranker (ADR-0022): those of {@link RankerHoldouts} for the whole window. At
 * scale (ADR-0033) its one "latest" split is the run's own time cut instead, whose retrievers the measured stages
 * trained on the window before the cut already: the refit then trains the retrievers for its random split only.
 *
 * @param splits the splits whose retrievers the refit trains
 * @param shared the run's own cut with the measured stages' retrievers, or nothing
 */
record RefitSplits(List<Split> splits, List<TrainedSplit> shared) {

    RefitSplits {
        splits = List.copyOf(splits);
        shared = List.copyOf(shared);
    }

    /**
     * @param cut      the run's own split of {@code window} (training window, hold-out)
     * @param byOrder  whether that cut fell in event order, for want of spread in time: then it is no "latest"
     * @param measured the retrievers trained on {@code cut}'s training part, in the trainer's order
     */
    static RefitSplits of(InteractionLog window, Fold cut, boolean byOrder, List<RetrievalModel> measured,
                          TwoStageSettings settings) {
        List<Split> splits = RankerHoldouts.of(window, settings.seed(), settings);
        boolean atScale = splits.size() < RankerHoldouts.of(window, settings.seed()).size();
        if (!atScale || byOrder || splits.stream().noneMatch(TemporalSplit.class::isInstance)) {
            return new RefitSplits(splits, List.of());
        }
        return new RefitSplits(splits.stream().filter(split -> !(split instanceof TemporalSplit)).toList(),
                List.of(new TrainedSplit(cut, measured)));
    }

    /** Says, for the run's progress, when the refit shares the measured retrievers. */
    String describe() {
        return shared.isEmpty() ? "" : "; the latest split is the run's own cut, with the retrievers trained on its "
                + "training window";
    }
}
