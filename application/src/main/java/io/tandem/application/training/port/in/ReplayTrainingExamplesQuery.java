package io.tandem.application.training.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.EventType;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which lake events to replay and which of them become training examples.
 *
 * @param from          first event date replayed (UTC, inclusive); earlier events are not seen at all
 * @param to            last event date replayed (UTC, inclusive)
 * @param examplesFrom  first date whose events become examples; events before it only build up the features
 * @param exampleTypes  the event types that become examples
 * @param recentItems   how many of the user's recent items each example carries
 */
public record ReplayTrainingExamplesQuery(LocalDate from, LocalDate to, LocalDate examplesFrom,
                                          Set<EventType> exampleTypes, int recentItems) {

    public ReplayTrainingExamplesQuery {
        if (from == null) {
            throw new InvalidFieldException("from", "is required");
        }
        if (to == null || to.isBefore(from)) {
            throw new InvalidFieldException("to", "is required and must not be before from");
        }
        if (examplesFrom == null || examplesFrom.isBefore(from) || examplesFrom.isAfter(to)) {
            throw new InvalidFieldException("examplesFrom", "must lie between from and to");
        }
        Objects.requireNonNull(exampleTypes, "exampleTypes");
        if (exampleTypes.isEmpty()) {
            throw new InvalidFieldException("exampleTypes", "must name at least one event type");
        }
        exampleTypes = Set.copyOf(EnumSet.copyOf(exampleTypes));
        if (recentItems < 0) {
            throw new InvalidFieldException("recentItems", "must not be negative");
        }
    }
}
