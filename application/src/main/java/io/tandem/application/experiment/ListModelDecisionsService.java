package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.ListModelDecisionsQuery;
import io.tandem.application.experiment.port.in.ListModelDecisionsUseCase;
import io.tandem.application.registry.port.out.LoadExperimentDecisionsPort;
import io.tandem.domain.experiment.decision.ExperimentDecision;

import java.util.List;
import java.util.Objects;

/** Lists the experiment decisions the registry keeps beside one model's versions. */
public final class ListModelDecisionsService implements ListModelDecisionsUseCase {

    private final LoadExperimentDecisionsPort decisions;

    public ListModelDecisionsService(LoadExperimentDecisionsPort decisions) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
    }

    @Override
    public List<ExperimentDecision> list(ListModelDecisionsQuery query) {
        return decisions.loadModelDecisions(query.model());
    }
}
