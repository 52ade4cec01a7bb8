package io.tandem.adapters.out.redis;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.util.Set;

/** Builds feature updates with fresh event ids, as the feature policy would hand them to a store. */
final class FeatureUpdateFixture {

    static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    private int sequence;

    /** A click: an interaction that adds {@code weight} to the item's popularity. */
    FeatureUpdate click(String user, String item, Instant time, double weight, String... categories) {
        return update(EventType.CLICK, user, item, time, weight, categories);
    }

    FeatureUpdate update(EventType type, String user, String item, Instant time, double weight,
                         String... categories) {
        return update("e-" + ++sequence, type, user, item, time, weight, categories);
    }

    static FeatureUpdate update(String eventId, EventType type, String user, String item, Instant time,
                                double weight, String... categories) {
        return new FeatureUpdate(new EventId(eventId), type, UserId.of(user), ItemId.of(item), time, weight,
                type.isInteraction(), Set.of(categories));
    }
}
