package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.time.Instant;

/** The span of event time a model version was trained on: from inclusive, to exclusive. */
public record TrainingWindow(Instant from, Instant to) {

    public TrainingWindow {
        if (from == null) {
            throw new InvalidFieldException("trainingWindow.from", "is required");
        }
        if (to == null) {
            throw new InvalidFieldException("trainingWindow.to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("trainingWindow.to", "must not be before trainingWindow.from");
        }
    }
}
