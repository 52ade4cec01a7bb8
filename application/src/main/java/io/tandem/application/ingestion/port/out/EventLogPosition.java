package io.tandem.application.ingestion.port.out;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A point in the event log: for each partition, the offset after the last event counted (the embedded logs have
 * the one partition 0). A train job's barrier is the log's end when the job was queued; the lake has every event
 * acknowledged before then once the archiver's position {@link #covers covers} it.
 *
 * @param next the offset after the last event, by partition; partitions absent are at 0
 */
public record EventLogPosition(Map<Integer, Long> next) {

    public EventLogPosition {
        Objects.requireNonNull(next, "next");
        next.forEach((partition, offset) -> {
            if (partition == null || partition < 0 || offset == null || offset < 0) {
                throw new IllegalArgumentException("partitions and offsets must not be negative");
            }
        });
        next = Map.copyOf(next);
    }

    /** The single partition of an embedded log at {@code next}. */
    public static EventLogPosition single(long next) {
        return new EventLogPosition(Map.of(0, next));
    }

    /** The offset after the last event of {@code partition} counted here, 0 when none. */
    public long next(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    /** True when this position is at or past {@code barrier} in every partition of the barrier. */
    public boolean covers(EventLogPosition barrier) {
        return barrier.next.entrySet().stream().allMatch(e -> next(e.getKey()) >= e.getValue());
    }

    /** Events counted from the start of each partition: the offsets summed (Kafka's markers make it an upper bound). */
    public long total() {
        return next.values().stream().mapToLong(Long::longValue).sum();
    }

    /** For messages: {@code partition 0 at 1200, partition 1 at 35}, in partition order. */
    public String describe() {
        if (next.isEmpty()) {
            return "empty";
        }
        return new TreeMap<>(next).entrySet().stream()
                .map(e -> "partition " + e.getKey() + " at " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
