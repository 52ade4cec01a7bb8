package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * What one event changes in the online features, decided by {@link FeaturePolicy} and applied by a store.
 *
 * @param popularityWeight added to the item's decayed popularity (zero: no change)
 * @param interaction      whether the item joins the user's recent (already seen) items
 */
public record FeatureUpdate(EventId eventId, EventType type, UserId user, ItemId item, Instant time,
                            double popularityWeight, boolean interaction) {

    public FeatureUpdate {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(time, "time");
        if (!Double.isFinite(popularityWeight)) {
            throw new IllegalArgumentException("popularityWeight must be finite");
        }
    }
}
