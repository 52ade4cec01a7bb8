package io.tandem.adapters.out.kafka;

import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;

import static io.tandem.application.ingestion.EventFixture.anEvent;

/** Events for the Kafka adapter tests, including the awkward strings the wire format must carry and oversized ones. */
final class KafkaEvents {

    /**
     * Canonical text (ADR-0019) that still breaks naive JSON: quotes, backslashes, slashes, a line separator that
     * JavaScript readers choke on, non-ASCII and non-BMP characters.
     */
    static final String AWKWARD = "q\"b\\s/ ls\u2028 é 中 😀";

    private KafkaEvents() {
    }

    static Event click(String id, String user, String item, Instant time) {
        return anEvent(id).type(EventType.CLICK).user(user).item(item).at(time).build();
    }

    /**
     * The largest view the input contract allows: item, surface and request id of 256 random base64 characters each,
     * incompressible for lz4, so the record (about 900 bytes) stays larger than a topic's {@code max.message.bytes}
     * set at {@value #OVERSIZED_LIMIT} even after compression, while the events of {@link #varied} fit under it.
     */
    static Event oversized(String id, String user) {
        Random random = new Random(42);
        return anEvent(id).type(EventType.VIEW).user(user).item(noise(random)).at("2026-11-21T09:30:00Z")
                .surface(noise(random)).requestId(noise(random)).build();
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
            events.add(anEvent(prefix + "-" + i).type(type).user(user).item("i-" + (i * 31 % 997))
                    .at(base.plusMillis(i)).value(value).context(context).build());
        }
        return events;
    }
}
