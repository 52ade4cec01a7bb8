package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.DecideAutoPromotedExperimentsUseCase;
import io.tandem.application.experiment.port.in.DecideExperimentCommand;
import io.tandem.application.experiment.port.in.DecideExperimentUseCase;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The periodic check: decides each running experiment created with {@code autoPromote}. One that fails (its
 * version's artifact no longer serves, the store is down) is logged and left for the next check; the others are
 * still decided.
 */
public final class DecideAutoPromotedExperimentsService implements DecideAutoPromotedExperimentsUseCase {

    private static final System.Logger LOG = System.getLogger(DecideAutoPromotedExperimentsService.class.getName());

    private final ListExperimentsPort experiments;
    private final DecideExperimentUseCase decide;

    public DecideAutoPromotedExperimentsService(ListExperimentsPort experiments, DecideExperimentUseCase decide) {
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.decide = Objects.requireNonNull(decide, "decide");
    }

    @Override
    public List<ExperimentDecisions> decideAutoPromoted() {
        List<ExperimentDecisions> decided = new ArrayList<>();
        for (Experiment experiment : experiments.listExperiments()) {
            if (experiment.status() != ExperimentStatus.RUNNING || !experiment.autoPromote()) {
                continue;
            }
            try {
                decide.decide(new DecideExperimentCommand(experiment.name())).ifPresent(decided::add);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Deciding experiment " + experiment.name() + " failed; the next "
                        + "check tries again: " + e, e);
            }
        }
        return decided;
    }
}
