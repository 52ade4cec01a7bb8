package io.tandem.bootstrap;

import io.tandem.adapters.out.filesystem.FileEventLogAdapter;
import io.tandem.adapters.out.filesystem.FilesystemLakeAdapter;
import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.EventValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why validation before the append is enough (ADR-0019): an event at every edge of the input contract (the first and
 * last representable times, the longest ids and context, the largest values) is taken whole by every consumer of the
 * log: the wire format of the Kafka topic, the local log's frames, the Parquet lake and the online store. Were one
 * to refuse it, the event would have to be refused at the door instead.
 */
class EveryConsumerTakesEveryValidEventTest {

    @TempDir
    Path directory;

    @Test
    void eventsAtEveryEdgeOfTheContractPassThroughEveryConsumerUnchanged() {
        List<Event> edges = edgeEvents();

        for (Event event : edges) {
            TimeWindow everything = new TimeWindow(TimeWindow.FIRST_REPRESENTABLE, java.time.Duration.ZERO);
            assertThat(EventWireFormat.record(EventWireFormat.encode(event))
                    .validate(everything, TimeWindow.LAST_REPRESENTABLE))
                    .as("the Kafka topic's wire format").isEqualTo(new EventValidation.Valid(event));
        }

        List<Event> replayed = new ArrayList<>();
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory.resolve("log"), () -> { })) {
            log.append(edges);
            log.replay(0, 100, (first, events) -> replayed.addAll(events));
        }
        assertThat(replayed).as("the local log").containsExactlyElementsOf(edges);

        FilesystemLakeAdapter lake = new FilesystemLakeAdapter(directory.resolve("lake"));
        lake.write("p0-c0", edges);
        List<Event> archived = new ArrayList<>();
        lake.readEvents(LocalDate.of(1583, 1, 1), LocalDate.of(9999, 12, 31), archived::add);
        // The lake keeps microseconds, so nanoseconds are compared at that precision.
        assertThat(archived.stream().map(EveryConsumerTakesEveryValidEventTest::toMicros).collect(Collectors.toSet()))
                .as("the Parquet lake").isEqualTo(edges.stream().map(EveryConsumerTakesEveryValidEventTest::toMicros)
                        .collect(Collectors.toSet()));

        FeaturePolicy policy = FeaturePolicy.defaults();
        InMemoryOnlineFeaturesAdapter store = new InMemoryOnlineFeaturesAdapter(policy.popularityHalfLife(),
                policy.recentItemsCap());
        store.apply(edges.stream().map(event -> policy.updateFor(event, Set.of("c"))).toList());
        assertThat(store.userCounts(edges.get(0).user()).count(EventType.PURCHASE)).as("the online store")
                .isEqualTo(edges.size());
        assertThat(store.popularItems(Optional.empty(), 10, TimeWindow.LAST_REPRESENTABLE))
                .allSatisfy(item -> assertThat(Double.isFinite(item.score())).isTrue());
    }

    private static List<Event> edgeEvents() {
        String longest = "é".repeat(128);
        List<Event> events = new ArrayList<>();
        Instant[] times = {TimeWindow.FIRST_REPRESENTABLE, Instant.EPOCH, Instant.parse("2026-11-21T09:30:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z")};
        double[] values = {0.0, Event.MAX_VALUE, 1e-9};
        for (int t = 0; t < times.length; t++) {
            for (int v = 0; v < values.length; v++) {
                events.add(anEvent(longest.substring(0, 120) + t + "-" + v).type(EventType.PURCHASE)
                        .user("😀".repeat(64)).item(longest).at(times[t]).value(values[v]).surface(longest)
                        .requestId("r".repeat(256)).position(EventContext.MAX_POSITION).build());
            }
        }
        return events;
    }

    private static String toMicros(Event event) {
        return event.id().value() + "@" + event.time().atOffset(ZoneOffset.UTC).withNano(
                event.time().getNano() / 1000 * 1000) + "/" + event.value();
    }
}
