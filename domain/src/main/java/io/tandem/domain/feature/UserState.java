package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;

import java.util.List;
import java.util.Set;

/**
 * What serving knows about a user at request time, read from the online store in one call: every item the user
 * ever acted on (any action but an impression, hides and skips included; the whole history, however long), which
 * is never recommended again, and the user's positive interactions (newest first, at most the limit asked), from
 * which the models build the user's history.
 */
public record UserState(Set<ItemId> seen, List<PositiveInteraction> positives) {

    public UserState {
        seen = Set.copyOf(seen);
        positives = List.copyOf(positives);
    }

    /** The state of a user the store has never seen. */
    public static UserState empty() {
        return new UserState(Set.of(), List.of());
    }
}
