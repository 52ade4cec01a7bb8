package io.tandem.domain.experiment.attribution;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Builds served lists and the follow-up events that quote them, for attribution tests. */
final class AttributionFixture {

    static final Instant SERVED = Instant.parse("2026-11-21T09:00:00Z");

    private static int eventIds;

    private AttributionFixture() {
    }

    /** A list of {@code items} at positions 1.., served to {@code user} under ab-1 / {@code variant} at 09:00. */
    static ServedList served(String requestId, String variant, String user, String... items) {
        return served(requestId, variant, user, SERVED, Duration.ofMillis(5), false, items);
    }

    static ServedList served(String requestId, String variant, String user, Instant at, Duration latency,
                             boolean fallback, String... items) {
        List<ServedItem> list = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            list.add(ServedItem.ranked(ItemId.of(items[i]), i + 1));
        }
        return new ServedList(requestId, "ab-1", variant, UserId.of(user), at, list, latency, fallback);
    }

    static Event followUp(EventType type, String requestId, String user, String item) {
        return followUp("e" + (++eventIds), type, requestId, user, item, SERVED.plusSeconds(30),
                OptionalDouble.empty());
    }

    static Event purchase(String requestId, String user, String item, double value) {
        return followUp("e" + (++eventIds), EventType.PURCHASE, requestId, user, item, SERVED.plusSeconds(60),
                OptionalDouble.of(value));
    }

    static Event followUp(String id, EventType type, String requestId, String user, String item, Instant time,
                          OptionalDouble value) {
        return new Event(new EventId(id), type, UserId.of(user), ItemId.of(item), time, value,
                new EventContext(Optional.of("home"), Optional.ofNullable(requestId), OptionalInt.empty()));
    }
}
