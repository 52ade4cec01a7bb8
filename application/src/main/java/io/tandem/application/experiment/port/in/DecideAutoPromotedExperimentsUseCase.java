package io.tandem.application.experiment.port.in;

import java.util.List;

/**
 * Decides every running experiment created with {@code autoPromote}, as {@link DecideExperimentUseCase} would; what
 * the periodic check runs. An experiment whose decision fails is skipped and tried again at the next check.
 *
 * @return what came of each experiment decided without failing, in the order they were created
 */
@FunctionalInterface
public interface DecideAutoPromotedExperimentsUseCase {

    List<ExperimentDecisions> decideAutoPromoted();
}
