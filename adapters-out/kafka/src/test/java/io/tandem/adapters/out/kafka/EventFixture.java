package io.tandem.adapters.out.kafka;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;

/** Builds events for the Kafka adapter tests, including the awkward strings the wire format must carry. */
final class EventFixture {

    /**
     * Canonical text (ADR-0019) that still breaks naive JSON: quotes, backslashes, slashes, a line separator that
     * JavaScript readers choke on, non-ASCII and non-BMP characters.
     */
    static final String AWKWARD = "q\"b\\s/ ls\u2028 é 中 😀";

    private EventFixture() {
    }

    static Event click(String id, String user, String item, Instant time) {
        return new Event(new EventId(id), EventType.CLICK, new UserId(user), new ItemId(item), time,
                OptionalDouble.empty(), EventContext.NONE);
    }

    /**
     * The largest view the input contract allows: item, surface and request id of 256 random base64 characters each,
     * incompressible for lz4, so the record (about 900 bytes) stays larger than a topic's {@code max.message.bytes}
     * set at {@value #OVERSIZED_LIMIT} even after compression, while the events of {@link #varied} fit under it.
     */
    static Event oversized(String id, String user) {
        Random random = new Random(42);
        return new Event(new EventId(id), EventType.VIEW, new UserId(user), new ItemId(noise(random)),
                Instant.parse("2026-11-21T09:30:00Z"), OptionalDouble.empty(),
                new EventContext(Optional.of(noise(random)), Optional.of(noise(random)), OptionalInt.empty()));
    }

    /** A topic limit that every {@link #varied} event fits and no {@link #oversized} one does. */
    static final int OVERSIZED_LIMIT = 700;

    private static String noise(Random random) {
        byte[] bytes = new byte[192];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * {@code count} events spread over {@code users} users, cycling through every event type and every
     * combination of absent and present value and context members; ids start with {@code prefix}.
     */
    static List<Event> varied(String prefix, int count, int users) {
        EventType[] types = EventType.values();
        Instant base = Instant.parse("2026-11-21T09:30:00.123456789Z");
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EventType type = types[i % types.length];
            OptionalDouble value = type == EventType.RATING ? OptionalDouble.of(1 + (i % 9) * 0.5)
                    : (type == EventType.PURCHASE && i % 2 == 0) ? OptionalDouble.of(19.99 + i) : OptionalDouble.empty();
            String user = (i % 7 == 0 ? "u-" + AWKWARD + "-" : "u-") + (i % users);
            EventContext context = new EventContext(
                    i % 3 == 0 ? Optional.empty() : Optional.of(i % 5 == 0 ? AWKWARD : "home"),
                    i % 4 == 0 ? Optional.empty() : Optional.of("req-" + i),
                    i % 2 == 0 ? OptionalInt.empty() : OptionalInt.of(1 + i % 50));
            events.add(new Event(new EventId(prefix + "-" + i), type, new UserId(user), new ItemId("i-" + (i * 31 % 997)),
                    base.plusMillis(i), value, context));
        }
        return events;
    }
}
