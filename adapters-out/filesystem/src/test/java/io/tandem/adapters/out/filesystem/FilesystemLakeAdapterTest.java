package io.tandem.adapters.out.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.tandem.application.ingestion.EventFixture.anEvent;

import io.tandem.adapters.shared.parquet.EventParquet;
import io.tandem.adapters.shared.parquet.EventRow;
import io.tandem.application.ingestion.port.out.LakeContract;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake contract on a local folder, and what the folder adds: its layout of one Parquet file per batch and UTC date,
 * temporary files of an interrupted write ignored, a foreign file named when it cannot be read, and files DuckDB reads
 * with Hive partitions.
 */
class FilesystemLakeAdapterTest extends LakeContract {

    @TempDir
    Path root;

    @Override
    protected Lake emptyLake() {
        return Lake.of(lake());
    }

    @Override
    protected Lake secondClient(Lake lake) {
        return Lake.of(lake());
    }

    private FilesystemLakeAdapter lake() {
        return new FilesystemLakeAdapter(root);
    }

    @Test
    void writingTheSameBatchTwiceLeavesOneFilePerDate() throws IOException {
        List<Event> batch = List.of(
                event("e1", EventType.CLICK, "2024-03-01T10:00:00Z"),
                event("e2", EventType.CLICK, "2024-03-02T10:00:00Z"));

        lake().write("offsets-0-1", batch);
        lake().write("offsets-0-1", batch);

        assertThat(relativeFiles()).containsExactlyInAnyOrder(
                "events/date=2024-03-01/part-offsets-0-1.parquet",
                "events/date=2024-03-02/part-offsets-0-1.parquet");
    }

    @Test
    void laysOutOneFilePerBatchAndUtcDate() throws IOException {
        lake().write("a", List.of(
                event("e1", EventType.CLICK, "2024-12-31T23:30:00Z"),
                event("e2", EventType.CLICK, "2025-01-01T00:30:00Z"),
                event("e3", EventType.CLICK, "2024-12-31T01:00:00Z")));
        lake().write("b_2", List.of(event("e4", EventType.SKIP, "2025-01-01T12:00:00Z")));

        assertThat(relativeFiles()).containsExactly(
                "events/date=2024-12-31/part-a.parquet",
                "events/date=2025-01-01/part-a.parquet",
                "events/date=2025-01-01/part-b_2.parquet");
    }

    @Test
    void ignoresTemporaryFilesLeftByAnInterruptedWrite() throws IOException {
        Event kept = event("e1", EventType.CLICK, "2024-03-01T10:00:00Z");
        lake().write("done", List.of(kept));
        Path partition = root.resolve("events/date=2024-03-01");
        Files.write(partition.resolve(".part-crashed.parquet.0b1c.tmp"), new byte[] {'P', 'A', 'R', '1', 0});

        assertThat(readAll(lake())).containsExactly(kept);
    }

    @Test
    void writesNoFileForAnEmptyBatch() throws IOException {
        lake().write("empty", List.of());

        assertThat(relativeFiles()).isEmpty();
    }

    @Test
    void failsNamingTheFileWhenARowIsNotAValidEvent() throws IOException {
        Path partition = Files.createDirectories(root.resolve("events/date=2024-03-01"));
        EventParquet.write(partition.resolve("part-foreign.parquet"), List.of(new EventRow("e1", "teleport", "u1", "i1",
                LocalDateTime.parse("2024-03-01T10:00:00"), null, null, null, null)));

        assertThatThrownBy(() -> readAll(lake()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("part-foreign.parquet")
                .hasRootCauseInstanceOf(InvalidFieldException.class);
    }

    @Test
    void duckDbReadsTheLakeWithTimestampsAndHivePartitions() throws SQLException {
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(event("e" + i, EventType.CLICK, "2024-03-0" + (1 + i % 3) + "T10:00:0" + (i % 10) + "Z"));
        }
        batch.add(anEvent("rated").type(EventType.RATING).user("u1").item("i1").at("2024-02-29T23:59:59.5Z").value(5)
                .surface("search").requestId("r1").position(2).build());
        lake().write("first", batch.subList(0, 20));
        lake().write("second", batch.subList(20, batch.size()));
        lake().write("second", batch.subList(20, batch.size()));
        String files = root.resolve("events").toString().replace("'", "''") + "/*/*.parquet";
        String source = "read_parquet('" + files + "', hive_partitioning = true)";

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            try (ResultSet rows = sql.executeQuery(
                    "SELECT count(*), min(time), typeof(min(time)), count(DISTINCT date) FROM " + source)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(31);
                assertThat(rows.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2024-02-29T23:59:59.5"));
                assertThat(rows.getString(3)).isEqualTo("TIMESTAMP");
                assertThat(rows.getLong(4)).isEqualTo(4);
            }
            assertThat(columnTypes(sql, source)).containsExactly(
                    Map.entry("id", "VARCHAR"), Map.entry("type", "VARCHAR"), Map.entry("user_id", "VARCHAR"),
                    Map.entry("item_id", "VARCHAR"), Map.entry("time", "TIMESTAMP"), Map.entry("value", "DOUBLE"),
                    Map.entry("surface", "VARCHAR"), Map.entry("request_id", "VARCHAR"),
                    Map.entry("position", "INTEGER"), Map.entry("date", "DATE"));
            try (ResultSet rows = sql.executeQuery("SELECT type, value, surface, request_id, position, date, "
                    + "CAST(time AS DATE) = date FROM " + source + " WHERE id = 'rated'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("rating");
                assertThat(rows.getDouble(2)).isEqualTo(5.0);
                assertThat(rows.getString(3)).isEqualTo("search");
                assertThat(rows.getString(4)).isEqualTo("r1");
                assertThat(rows.getInt(5)).isEqualTo(2);
                assertThat(rows.getObject(6, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(rows.getBoolean(7)).isTrue();
            }
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + source + " WHERE position IS NULL")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(30);
            }
        }
    }

    private static Map<String, String> columnTypes(Statement sql, String source) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rows = sql.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rows.next()) {
                types.put(rows.getString("column_name"), rows.getString("column_type"));
            }
        }
        return types;
    }

    private List<String> relativeFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
