package io.tandem.adapters.out.jdbc;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.CellSums;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The text columns of the attribution tables (V13), both ways: follow-up events (ids are canonical text without
 * control characters, so U+001F and U+001E separate fields and events), and cells as comma-separated numbers, each
 * double as {@link Double#toString} writes it so it reads back to the last bit.
 */
final class AttributionRows {

    static final String WHOLE_EXPERIMENT = "total";
    private static final String FIELD = "\u001F";
    private static final String EVENT = "\u001E";

    private AttributionRows() {
    }

    static String period(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse(WHOLE_EXPERIMENT);
    }

    static Optional<LocalDate> day(String period) {
        return WHOLE_EXPERIMENT.equals(period) ? Optional.empty() : Optional.of(LocalDate.parse(period));
    }

    /** Follow-ups of {@code requestId} as one text; the user is the list's, which is all attribution reads. */
    static String followUps(List<Event> events) {
        return events.stream().map(event -> String.join(FIELD, event.id().value(), event.type().wireName(),
                event.user().value(), event.item().value(), event.time().toString(),
                event.value().isPresent() ? Double.toString(event.value().getAsDouble()) : ""))
                .collect(Collectors.joining(EVENT));
    }

    static List<Event> followUps(String text, String requestId) {
        List<Event> events = new ArrayList<>();
        if (text.isEmpty()) {
            return events;
        }
        EventContext context = new EventContext(Optional.empty(), Optional.of(requestId), OptionalInt.empty());
        for (String encoded : text.split(EVENT, -1)) {
            String[] fields = encoded.split(FIELD, -1);
            EventType type = EventType.fromWireName(fields[1])
                    .orElseThrow(() -> new IllegalStateException("stored follow-up of unknown type " + fields[1]));
            events.add(new Event(new EventId(fields[0]), type, UserId.of(fields[2]), ItemId.of(fields[3]),
                    Instant.parse(fields[4]), fields[5].isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(Double.parseDouble(fields[5])), context));
        }
        return events;
    }

    static String counts(CellSums cell) {
        return Arrays.stream(cell.longs()).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    static String sums(CellSums cell) {
        return Arrays.stream(cell.doubles()).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    static String latency(CellSums cell) {
        return cell.latencyBuckets().entrySet().stream().map(bucket -> bucket.getKey() + ":" + bucket.getValue())
                .collect(Collectors.joining(","));
    }

    static CellSums cell(String counts, String sums, String latency) {
        long[] longs = Arrays.stream(counts.split(",")).mapToLong(Long::parseLong).toArray();
        double[] doubles = Arrays.stream(sums.split(",")).mapToDouble(Double::parseDouble).toArray();
        Map<Integer, Long> buckets = new HashMap<>();
        if (!latency.isEmpty()) {
            for (String bucket : latency.split(",")) {
                int colon = bucket.indexOf(':');
                buckets.put(Integer.parseInt(bucket.substring(0, colon)), Long.parseLong(bucket.substring(colon + 1)));
            }
        }
        return CellSums.of(longs, doubles, buckets);
    }
}
