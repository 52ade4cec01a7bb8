package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;

import java.util.List;

/**
 * What serving knows about a user at request time, read from the online store in one call: the items the user
 * acted on (any action but an impression, hides and skips included; newest first), which are never recommended
 * again, and the user's positive interactions (newest first), from which the models build the user's history.
 */
public record UserState(List<ItemId> seen, List<PositiveInteraction> positives) {

    public UserState {
        seen = List.copyOf(seen);
        positives = List.copyOf(positives);
    }

    /** The state of a user the store has never seen. */
    public static UserState empty() {
        return new UserState(List.of(), List.of());
    }
}
