package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.decision.ExperimentDecision;

import java.util.List;

/** Every experiment decision about any version of one model, oldest first, with its evidence. */
@FunctionalInterface
public interface ListModelDecisionsUseCase {

    List<ExperimentDecision> list(ListModelDecisionsQuery query);
}
