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

    /** Well-formed text that breaks naive JSON: quotes, backslashes, control characters, non-BMP. */
    static final String AWKWARD = "q\"b\\s/ n\n r\r t\t nul\u0000 esc\u001b del\u007f ls\u2028 é 中 😀";

    /** Also a lone surrogate: valid in a Java string and in escaped JSON, not encodable as UTF-8 as it is. */
    static final String AWKWARD_WITH_LONE_SURROGATE = AWKWARD + " lone\ud800x";

    private EventFixture() {
    }

    static Event click(String id, String user, String item, Instant time) {
        return new Event(new EventId(id), EventType.CLICK, new UserId(user), new ItemId(item), time,
                OptionalDouble.empty(), EventContext.NONE);
    }

    /**
     * A view whose surface is {@code bytes} of random base64 text: incompressible for lz4, so the record stays
     * larger than a topic's {@code max.message.bytes} set below {@code bytes} even after compression.
     */
    static Event oversized(String id, String user, int bytes) {
        byte[] noise = new byte[bytes * 3 / 4];
        new Random(42).nextBytes(noise);
        String surface = Base64.getEncoder().encodeToString(noise);
        return new Event(new EventId(id), EventType.VIEW, new UserId(user), new ItemId("i-oversized"),
                Instant.parse("2026-11-21T09:30:00Z"), OptionalDouble.empty(),
                new EventContext(Optional.of(surface), Optional.empty(), OptionalInt.empty()));
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
                    i % 3 == 0 ? Optional.empty() : Optional.of(i % 5 == 0 ? AWKWARD_WITH_LONE_SURROGATE : "home"),
                    i % 4 == 0 ? Optional.empty() : Optional.of("req-" + i),
                    i % 2 == 0 ? OptionalInt.empty() : OptionalInt.of(1 + i % 50));
            events.add(new Event(new EventId(prefix + "-" + i), type, new UserId(user), new ItemId("i-" + (i * 31 % 997)),
                    base.plusMillis(i), value, context));
        }
        return events;
    }
}
