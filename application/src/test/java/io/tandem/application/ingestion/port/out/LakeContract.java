package io.tandem.application.ingestion.port.out;

import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.application.experiment.port.out.WriteServedListsLakePort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.interleaving.Team;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every data lake promises (ADR-0010), run by each adapter's test: events come back exactly as written, every
 * optional field kept or absent, time to the microsecond; reads visit the dates of an inclusive range in date order,
 * and within a date the batches in name order, each batch in its own order; writing a batch again replaces it; an
 * empty batch writes nothing; a batch id that is not a safe name and a range that ends before it starts are refused
 * naming the field. Served lists (ADR-0026) keep the same promises in their own table beside the events: every
 * field back to the last bit (latency in nanoseconds, served time to the microsecond), a list of no items too.
 */
public abstract class LakeContract {

    private static final LocalDate ALL_FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate ALL_TO = LocalDate.of(2100, 1, 1);

    /** The lake ports, events and served lists, as one adapter implements them. */
    public interface Lake extends WriteLakePort, ReadLakePort, WriteServedListsLakePort, ReadServedListsLakePort {

        /** The lake that {@code adapter} is. */
        static <A extends WriteLakePort & ReadLakePort & WriteServedListsLakePort & ReadServedListsLakePort> Lake of(
                A adapter) {
            return new Lake() {
                @Override
                public void writeServedLists(String batchId, List<ServedList> lists) {
                    adapter.writeServedLists(batchId, lists);
                }

                @Override
                public void readServedLists(LocalDate from, LocalDate to, Consumer<ServedList> consumer) {
                    adapter.readServedLists(from, to, consumer);
                }

                @Override
                public void write(String batchId, List<Event> events) {
                    adapter.write(batchId, events);
                }

                @Override
                public void readEvents(LocalDate from, LocalDate to, Consumer<Event> consumer) {
                    adapter.readEvents(from, to, consumer);
                }
            };
        }
    }

    /** An empty lake for one test. */
    protected abstract Lake emptyLake();

    /** A second client of the lake {@link #emptyLake()} returned last, as a restarted process would open it. */
    protected abstract Lake secondClient(Lake lake);

    @Test
    void roundTripsEventsAcrossSeveralDatesInDateOrderAlsoForASecondClient() {
        Lake lake = emptyLake();
        Event lateOnFirst = event("e1", EventType.CLICK, "2024-03-01T23:59:59.999999Z");
        Event onThird = event("e2", EventType.VIEW, "2024-03-03T08:00:00Z");
        Event earlyOnSecond = event("e3", EventType.PURCHASE, "2024-03-02T00:00:00Z");
        Event onFirst = event("e4", EventType.LIKE, "2024-03-01T00:00:00.001Z");

        lake.write("batch-1", List.of(lateOnFirst, onThird, earlyOnSecond, onFirst));

        // Date order across partitions; the batch's own order within one date.
        assertThat(readAll(lake)).containsExactly(lateOnFirst, onFirst, earlyOnSecond, onThird);
        assertThat(readAll(secondClient(lake))).containsExactly(lateOnFirst, onFirst, earlyOnSecond, onThird);
    }

    @Test
    void writingTheSameBatchAgainReplacesInsteadOfDuplicating() {
        Lake lake = emptyLake();
        List<Event> batch = List.of(event("e1", EventType.CLICK, "2024-03-01T10:00:00Z"),
                event("e2", EventType.CLICK, "2024-03-02T10:00:00Z"));
        Event other = event("e3", EventType.CLICK, "2024-03-02T11:00:00Z");

        lake.write("offsets-0-1", batch);
        lake.write("offsets-0-1", batch);
        lake.write("offsets-2-2", List.of(other));
        secondClient(lake).write("offsets-0-1", batch);

        assertThat(readAll(lake)).containsExactly(batch.get(0), batch.get(1), other);
    }

    @Test
    void readsOnlyTheInclusiveDateRangeAndBatchesInNameOrder() {
        Lake lake = emptyLake();
        Event first = event("e1", EventType.CLICK, "2024-03-01T10:00:00Z");
        Event secondFromB = event("e2", EventType.CLICK, "2024-03-02T09:00:00Z");
        Event secondFromA = event("e3", EventType.CLICK, "2024-03-02T11:00:00Z");
        Event third = event("e4", EventType.CLICK, "2024-03-03T10:00:00Z");
        Event fourth = event("e5", EventType.CLICK, "2024-03-04T10:00:00Z");
        // Written b before a: the reader still visits batch a before batch b.
        lake.write("b", List.of(first, secondFromB, fourth));
        lake.write("a", List.of(secondFromA, third));

        List<Event> read = new ArrayList<>();
        lake.readEvents(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 3), read::add);

        assertThat(read).containsExactly(secondFromA, secondFromB, third);
        List<Event> oneDay = new ArrayList<>();
        lake.readEvents(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 4), oneDay::add);
        assertThat(oneDay).containsExactly(fourth);
    }

    @Test
    void eventsAreFiledByTheirUtcDate() {
        Lake lake = emptyLake();
        Event lastOf2024 = event("e1", EventType.CLICK, "2024-12-31T23:30:00Z");
        Event firstOf2025 = event("e2", EventType.CLICK, "2025-01-01T00:30:00Z");

        lake.write("a", List.of(firstOf2025, lastOf2024));

        List<Event> read = new ArrayList<>();
        lake.readEvents(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31), read::add);
        assertThat(read).containsExactly(lastOf2024);
    }

    @Test
    void keepsPresentAndAbsentOptionalFields() {
        Lake lake = emptyLake();
        Event full = anEvent("full").type(EventType.RATING).user("u1").item("i1").at("2024-03-01T10:00:00.123456Z")
                .value(4.5).surface("home").requestId("req-7").position(3).build();
        Event bare = anEvent("bare").type(EventType.HIDE).user("u2").item("i2").at("2024-03-01T11:00:00Z").build();
        Event zeroValue = anEvent("zero").type(EventType.VIEW).user("u3").item("i3").at("2024-03-01T12:00:00Z")
                .value(0.0).requestId("req-8").build();

        lake.write("nullable", List.of(full, bare, zeroValue));

        assertThat(readAll(lake)).containsExactly(full, bare, zeroValue);
    }

    @Test
    void keepsMicrosecondsAndDropsFinerPrecision() {
        Lake lake = emptyLake();

        lake.write("precision", List.of(event("e1", EventType.CLICK, "2024-03-01T10:00:00.123456789Z")));

        assertThat(readAll(lake)).singleElement()
                .satisfies(read -> assertThat(read.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z")));
    }

    @Test
    void writesNothingForAnEmptyBatchAndReadsNothingFromAnEmptyLake() {
        Lake lake = emptyLake();
        assertThat(readAll(lake)).isEmpty();

        lake.write("empty", List.of());

        assertThat(readAll(lake)).isEmpty();
    }

    @Test
    void refusesBatchIdsThatAreNotSafeNamesAndWritesNothing() {
        Lake lake = emptyLake();
        List<Event> batch = List.of(event("e1", EventType.CLICK, "2024-03-01T10:00:00Z"));

        for (String bad : List.of("", "../escape", "a/b", "a.b", "with space", "x".repeat(201))) {
            assertThatThrownBy(() -> lake.write(bad, batch)).as(bad)
                    .isInstanceOf(InvalidFieldException.class)
                    .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("batchId");
        }
        assertThat(readAll(lake)).isEmpty();
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        Lake lake = emptyLake();

        assertThatThrownBy(() -> lake.readEvents(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1), e -> { }))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("from");
    }

    @Test
    void roundTripsServedListsExactlyInDateOrderAlsoForASecondClient() {
        Lake lake = emptyLake();
        ServedList onSecond = served("req-1", "b", "2024-03-02T08:00:00Z", true, "i1", "item with spaces", "ü-3");
        ServedList lateOnFirst = served("req-2", "holdout", "2024-03-01T23:59:59.999999Z", false, "i4");
        ServedList nothingServed = served("req-3", "a", "2024-03-01T10:00:00Z", true);

        lake.writeServedLists("served-1", List.of(onSecond, lateOnFirst, nothingServed));

        assertThat(readAllServed(lake)).containsExactly(lateOnFirst, nothingServed, onSecond);
        assertThat(readAllServed(secondClient(lake))).containsExactly(lateOnFirst, nothingServed, onSecond);
        List<ServedList> firstDay = new ArrayList<>();
        lake.readServedLists(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), firstDay::add);
        assertThat(firstDay).containsExactly(lateOnFirst, nothingServed);
    }

    @Test
    void servedListsAreATableApartFromTheEventsAndRewritingABatchReplacesIt() {
        Lake lake = emptyLake();
        Event event = event("e1", EventType.CLICK, "2024-03-01T10:00:00Z");
        ServedList list = served("req-1", "a", "2024-03-01T09:00:00Z", false, "i1", "i2");
        ServedList other = served("req-2", "a", "2024-03-01T09:30:00Z", false, "i3");

        lake.write("same-name", List.of(event));
        lake.writeServedLists("same-name", List.of(list));
        lake.writeServedLists("same-name", List.of(list));
        lake.writeServedLists("other", List.of(other));
        lake.writeServedLists("nothing", List.of());

        assertThat(readAll(lake)).containsExactly(event);
        // Batch name order within a date: "other" before "same-name".
        assertThat(readAllServed(lake)).containsExactly(other, list);
    }

    @Test
    void anInterleavedListKeepsEachItemsTeam() {
        Lake lake = emptyLake();
        ServedList interleaved = new ServedList("req-1", "il-1", "interleaved", new UserId("u1"),
                Instant.parse("2024-03-01T10:00:00Z"), List.of(ServedItem.drafted(new ItemId("i1"), 1, Team.B),
                        ServedItem.drafted(new ItemId("i2"), 2, Team.A)), Duration.ofMillis(3), false);
        ServedList plain = served("req-2", "a", "2024-03-01T11:00:00Z", false, "i3");

        lake.writeServedLists("teams", List.of(interleaved, plain));

        assertThat(readAllServed(lake)).containsExactly(interleaved, plain);
    }

    @Test
    void keepsTheServedTimeToTheMicrosecond() {
        Lake lake = emptyLake();

        lake.writeServedLists("precision", List.of(served("req-1", "a", "2024-03-01T10:00:00.123456789Z", false, "i")));

        assertThat(readAllServed(lake)).singleElement().satisfies(read ->
                assertThat(read.servedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z")));
    }

    @Test
    void refusesUnsafeBatchIdsAndBackwardRangesForServedListsToo() {
        Lake lake = emptyLake();
        List<ServedList> batch = List.of(served("req-1", "a", "2024-03-01T10:00:00Z", false, "i1"));

        for (String bad : List.of("", "../escape", "a/b", "a.b", "x".repeat(201))) {
            assertThatThrownBy(() -> lake.writeServedLists(bad, batch)).as(bad)
                    .isInstanceOf(InvalidFieldException.class)
                    .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("batchId");
        }
        assertThat(readAllServed(lake)).isEmpty();
        assertThatThrownBy(() -> lake.readServedLists(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1), l -> { }))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("from");
    }

    /** Every served list of the lake, in read order. */
    protected static List<ServedList> readAllServed(ReadServedListsLakePort lake) {
        List<ServedList> read = new ArrayList<>();
        lake.readServedLists(ALL_FROM, ALL_TO, read::add);
        return read;
    }

    /** A list of experiment ab-1 served at {@code time}; the last item's propensity is 0.1 + 0.2 (not 0.3). */
    protected static ServedList served(String requestId, String variant, String time, boolean fallback,
                                       String... items) {
        List<ServedItem> served = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            served.add(new ServedItem(new ItemId(items[i]), 2 * i + 1, i == items.length - 1 ? 0.1 + 0.2 : 1.0));
        }
        return new ServedList(requestId, "ab-1", variant, new UserId("u ü/" + requestId), Instant.parse(time), served,
                Duration.ofNanos(3_456_789), fallback);
    }

    /** Every event of the lake, in read order. */
    protected static List<Event> readAll(ReadLakePort lake) {
        List<Event> read = new ArrayList<>();
        lake.readEvents(ALL_FROM, ALL_TO, read::add);
        return read;
    }

    /** An event of {@code type} at {@code time}, with a value where the type carries one. */
    protected static Event event(String id, EventType type, String time) {
        var event = anEvent(id).type(type).user("user-" + id).item("item-" + id).at(time);
        if (type == EventType.VIEW || type == EventType.PURCHASE) {
            event.value(12.5);
        }
        return event.build();
    }
}
