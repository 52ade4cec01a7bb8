package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What one event changes in the online features, decided by {@link FeaturePolicy} and applied by a store.
 * Stores apply each event id at most once, so a redelivered event changes nothing.
 *
 * @param popularityWeight added to the item's decayed popularity (zero: no change)
 * @param interaction      whether the item joins the user's recent (already seen) items
 * @param categories       the item's categories, whose per-category popularity rises with the item's
 */
public record FeatureUpdate(EventId eventId, EventType type, UserId user, ItemId item, Instant time,
                            double popularityWeight, boolean interaction, Set<String> categories) {

    public FeatureUpdate {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(time, "time");
        if (!Double.isFinite(popularityWeight) || popularityWeight < 0) {
            throw new IllegalArgumentException("popularityWeight must be finite and not negative");
        }
        categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
    }
}
