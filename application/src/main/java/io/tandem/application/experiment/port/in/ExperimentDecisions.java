package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.decision.ExperimentDecision;

import java.util.List;
import java.util.Objects;

/**
 * What deciding an experiment came to: the experiment after it (stopped once every pinned challenger is decided),
 * every decision on record for it, and, for challengers still undecided, why.
 *
 * @param decisions the decisions recorded, this call's and earlier ones, oldest first
 * @param pending   for each challenger still running, the read-out's reasons (empty when all are decided)
 */
public record ExperimentDecisions(Experiment experiment, List<ExperimentDecision> decisions, List<String> pending) {

    public ExperimentDecisions {
        Objects.requireNonNull(experiment, "experiment");
        decisions = List.copyOf(decisions);
        pending = List.copyOf(pending);
    }

    /** True when no challenger is left undecided. */
    public boolean decided() {
        return pending.isEmpty();
    }
}
