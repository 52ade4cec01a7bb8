package io.tandem.application.training.port.in;

import io.tandem.domain.feature.TrainingExample;

import java.util.function.Consumer;

/**
 * Builds point-in-time correct training examples: replays lake events in time order through the same
 * feature-update code as the online store, and hands over each example's features as they stood strictly
 * before its own event, before that event (and any other of the same instant) is applied.
 */
@FunctionalInterface
public interface ReplayTrainingExamplesUseCase {

    /** Streams the examples to {@code examples} in event-time order, so no caller needs them all in memory. */
    ReplaySummary replay(ReplayTrainingExamplesQuery query, Consumer<TrainingExample> examples);
}
