package io.tandem.domain.feature;

import io.tandem.domain.interaction.EventType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** How many events of each type a user made, or an item received; each event counted once. */
public record EventCounts(Map<EventType, Long> byType) {

    public static final EventCounts NONE = new EventCounts(Map.of());

    public EventCounts {
        Objects.requireNonNull(byType, "byType");
        Map<EventType, Long> copy = new EnumMap<>(EventType.class);
        byType.forEach((type, count) -> {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of " + type + " must not be negative");
            }
            if (count > 0) {
                copy.put(type, count);
            }
        });
        byType = Map.copyOf(copy);
    }

    public long count(EventType type) {
        return byType.getOrDefault(type, 0L);
    }

    public long total() {
        return byType.values().stream().mapToLong(Long::longValue).sum();
    }
}
