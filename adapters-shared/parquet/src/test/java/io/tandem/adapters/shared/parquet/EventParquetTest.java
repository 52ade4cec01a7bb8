package io.tandem.adapters.shared.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format both lakes write: what goes into a file comes out as the same events, and the same rows give the same bytes. */
class EventParquetTest {

    @TempDir
    Path folder;

    @Test
    void aFileGivesBackEveryFieldOfItsEventsInFileOrder() throws IOException {
        Event full = new Event(new EventId("full"), EventType.RATING, UserId.of("u1"), ItemId.of("i1"),
                Instant.parse("2024-03-01T10:00:00.123456Z"), OptionalDouble.of(4.5),
                new EventContext(Optional.of("home"), Optional.of("req-7"), OptionalInt.of(3)));
        Event bare = new Event(new EventId("bare"), EventType.HIDE, UserId.of("u2"), ItemId.of("i2"),
                Instant.parse("2024-03-01T11:00:00Z"), OptionalDouble.empty(), EventContext.NONE);
        Path file = folder.resolve(EventParquet.fileName("b1"));

        EventParquet.write(file, EventParquet.rowsByDate(List.of(full, bare)).get(LocalDate.of(2024, 3, 1)));

        assertThat(readAll(file)).containsExactly(full, bare);
    }

    @Test
    void idColumnsAreWrittenWithoutADictionaryAndLabelsWithOne() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(click("e" + i, "2024-03-01T10:00:00Z"));
        }
        Path file = folder.resolve("dictionary.parquet");

        EventParquet.write(file, EventParquet.rowsByDate(events).get(LocalDate.of(2024, 3, 1)));

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            Map<String, Boolean> dictionaries = new HashMap<>();
            for (ColumnChunkMetaData column : reader.getFooter().getBlocks().get(0).getColumns()) {
                dictionaries.put(column.getPath().toDotString(), column.hasDictionaryPage());
            }
            assertThat(dictionaries).containsEntry("id", false).containsEntry("user_id", false)
                    .containsEntry("item_id", false).containsEntry("type", true);
        }
    }

    @Test
    void theSameRowsGiveTheSameBytes() throws IOException {
        List<EventRow> rows = EventParquet.rowsByDate(List.of(click("e1", "2024-03-01T10:00:00Z"),
                click("e2", "2024-03-01T11:00:00Z"))).get(LocalDate.of(2024, 3, 1));
        Path first = folder.resolve("first.parquet");
        Path second = folder.resolve("second.parquet");

        EventParquet.write(first, rows);
        EventParquet.write(second, rows);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void splitsABatchByUtcDateKeepingItsOrderWithinADate() {
        SortedMap<LocalDate, List<EventRow>> byDate = EventParquet.rowsByDate(List.of(
                click("late", "2024-12-31T23:30:00Z"), click("next", "2025-01-01T00:30:00Z"),
                click("early", "2024-12-31T01:00:00Z")));

        assertThat(byDate.keySet()).containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1));
        assertThat(byDate.get(LocalDate.of(2024, 12, 31))).extracting(EventRow::id).containsExactly("late", "early");
        assertThat(EventParquet.partitionName(LocalDate.of(2025, 1, 1))).isEqualTo("date=2025-01-01");
        assertThat(EventParquet.fileName("p0-c3")).isEqualTo("part-p0-c3.parquet");
    }

    @Test
    void acceptsOnlyBatchIdsThatAreSafeFileNames() {
        assertThat(EventParquet.requireBatchId("p0-c3_x")).isEqualTo("p0-c3_x");
        for (String bad : List.of("", "../escape", "a/b", "a.b", "with space", "x".repeat(201))) {
            assertThatThrownBy(() -> EventParquet.requireBatchId(bad)).isInstanceOf(InvalidFieldException.class);
        }
        assertThatThrownBy(() -> EventParquet.requireRange(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("from");
    }

    @Test
    void aRowTheDomainRejectsFailsNamingItsSource() throws IOException {
        Path file = folder.resolve("foreign.parquet");
        EventParquet.write(file, List.of(new EventRow("e1", "teleport", "u1", "i1",
                LocalDateTime.parse("2024-03-01T10:00:00"), null, null, null, null)));

        assertThatThrownBy(() -> EventParquet.read(file, "s3://lake/foreign.parquet", event -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 0 of s3://lake/foreign.parquet")
                .hasRootCauseInstanceOf(InvalidFieldException.class);
    }

    private static Event click(String id, String time) {
        return new Event(new EventId(id), EventType.CLICK, UserId.of("u1"), ItemId.of("i1"), Instant.parse(time),
                OptionalDouble.empty(), EventContext.NONE);
    }

    private static List<Event> readAll(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        EventParquet.read(file, file.toString(), events::add);
        return events;
    }
}
