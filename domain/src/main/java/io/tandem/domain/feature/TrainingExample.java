package io.tandem.domain.feature;

import io.tandem.domain.interaction.Event;

import java.util.Objects;

/**
 * One training row: an event, its label (from the label weights), and the features as they stood strictly
 * before the event happened.
 */
public record TrainingExample(Event event, double label, PointInTimeFeatures features) {

    public TrainingExample {
        Objects.requireNonNull(event, "event");
        if (!Double.isFinite(label)) {
            throw new IllegalArgumentException("label must be finite");
        }
        Objects.requireNonNull(features, "features");
        if (!features.user().equals(event.user()) || !features.item().equals(event.item())
                || !features.at().equals(event.time())) {
            throw new IllegalArgumentException("features must describe the event's user, item and time");
        }
    }
}
