package io.tandem.application.training.port.in;

/**
 * Trains the two-stage system on the lake up to a time cut, measures it on the later hold-out, exports the
 * ranker, registers the version as a candidate and lets the promotion policy decide whether it becomes champion.
 */
@FunctionalInterface
public interface TrainModelsUseCase {

    /**
     * @throws io.tandem.domain.InvalidFieldException naming {@code lake}, {@code holdOut} or {@code train} when the
     *                                               data cannot train or evaluate a model (too few interactions,
     *                                               a hold-out that leaves nothing to learn from or to measure)
     */
    TrainingReport train(TrainModelsCommand command);
}
