package io.tandem.adapters.in.cli.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportEventsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final RecordingPlatform platform = new RecordingPlatform();

    @Test
    void keepsGoodLinesAndReportsBadOnesByLineNumber() throws IOException {
        Path file = write("events.ndjson",
                "{\"id\":\"e1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\",\"time\":\"2026-01-01T10:00:00Z\"}",
                "{\"id\":2,\"type\":\"rating\",\"userId\":7,\"itemId\":42,\"time\":1767261600000,\"value\":4.5,"
                        + "\"context\":{\"surface\":\"home\",\"requestId\":\"r1\",\"position\":3}}",
                "this is not json",
                "",
                "{\"id\":\"e3\",\"type\":\"click\",\"itemId\":\"i1\"}",
                "[1,2,3]",
                "{\"id\":\"e4\",\"type\":\"teleport\",\"userId\":\"u1\",\"itemId\":\"i1\"}",
                "{\"id\":\"e1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\",\"time\":\"2026-01-01T10:00:00Z\"}",
                "{\"id\":\"e5\",\"type\":\"view\",\"userId\":\"u2\",\"itemId\":\"i3\",\"value\":12}");

        CommandRun run = CommandRun.of(platform, "import", "events", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("events 8 read, 3 accepted, 1 duplicates, 4 rejected (1 batches)");
        assertThat(run.out()).contains("events.ndjson:3: event: malformed JSON at line 1",
                "events.ndjson:5: userId: is required",
                "events.ndjson:6: event: must be a JSON object",
                "events.ndjson:7: type: unknown event type 'teleport'");
        assertThat(platform.events).containsOnlyKeys("e1", "2", "e5");
        Event rating = platform.events.get("2");
        assertThat(rating.type()).isEqualTo(EventType.RATING);
        assertThat(rating.user().value()).isEqualTo("7");
        assertThat(rating.item().value()).isEqualTo("42");
        assertThat(rating.time()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(rating.value().getAsDouble()).isEqualTo(4.5);
        assertThat(rating.context().surface()).contains("home");
        assertThat(rating.context().position().getAsInt()).isEqualTo(3);

        List<JsonNode> rejects = readNdjson(dir.resolve("events.rejected.ndjson"));
        assertThat(rejects).extracting(reject -> reject.get("line").asLong()).containsExactly(3L, 5L, 6L, 7L);
        assertThat(rejects.get(1).get("field").asText()).isEqualTo("userId");
        assertThat(rejects.get(0).get("input").asText()).isEqualTo("this is not json");
        assertThat(platform.sessionsClosed).isEqualTo(platform.sessionsOpened).isEqualTo(1);
    }

    @Test
    void sendsBatchesOfTenThousandAndCountsARepeatedImportAsDuplicates() throws IOException {
        Path file = dir.resolve("big.ndjson");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 25_001; i++) {
                writer.write("{\"id\":\"e" + i + "\",\"type\":\"click\",\"userId\":\"u" + (i % 97)
                        + "\",\"itemId\":\"i" + (i % 1013) + "\",\"time\":\"2026-01-01T10:00:00Z\"}\n");
            }
        }

        CommandRun first = CommandRun.of(platform, "import", "events", file.toString());
        CommandRun second = CommandRun.of(platform, "import", "events", file.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(platform.eventBatchSizes).containsExactly(10_000, 10_000, 5_001, 10_000, 10_000, 5_001);
        assertThat(first.out()).contains("25,001 read, 25,001 accepted, 0 duplicates, 0 rejected (3 batches)");
        assertThat(second.out()).contains("25,001 read, 0 accepted, 25,001 duplicates, 0 rejected");
        assertThat(dir.resolve("big.rejected.ndjson")).as("no rejects, no rejects file").doesNotExist();
        // Plain progress lines (no terminal in tests): one per tenth of the file at most, not one per batch.
        assertThat(first.out().lines().filter(line -> line.contains("% read")).count()).isBetween(1L, 10L);
    }

    @Test
    void printsTheFirstTwentyRejectsAndWritesAllToTheChosenFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("{\"id\":\"bad" + i + "\",\"type\":\"click\",\"userId\":\"u1\"}");
            lines.add("{\"id\":\"good" + i + "\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\"}");
        }
        Path file = write("mixed.jsonl", lines.toArray(String[]::new));
        Path rejects = dir.resolve("out").resolve("rejects.ndjson");
        Files.createDirectories(rejects.getParent());

        CommandRun run = CommandRun.of(platform, "import", "events", file.toString(), "--rejects", rejects.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(platform.events).hasSize(30);
        assertThat(run.out().lines().filter(line -> line.contains(": itemId: is required")).count()).isEqualTo(20);
        assertThat(run.out()).contains("mixed.jsonl:39: itemId: is required", "... and 10 more",
                "All rejected lines: " + rejects);
        assertThat(run.out()).doesNotContain("mixed.jsonl:41:");
        assertThat(readNdjson(rejects)).hasSize(30).last()
                .satisfies(last -> assertThat(last.get("line").asLong()).isEqualTo(59L));
        assertThat(dir.resolve("mixed.rejected.ndjson")).doesNotExist();
    }

    @Test
    void retriesABatchWhileTheEventLogIsUnavailable() throws IOException {
        Path file = write("events.ndjson", "{\"id\":\"e1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\"}");
        platform.failingFirst(BatchedEventRecorder.MAX_ATTEMPTS - 1);

        CommandRun run = CommandRun.of(platform, "import", "events", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(platform.calls).hasSize(BatchedEventRecorder.MAX_ATTEMPTS);
        assertThat(platform.events).containsOnlyKeys("e1");
    }

    @Test
    void aMissingFileIsAClearErrorAndStartsNothing() {
        Path missing = dir.resolve("nope.ndjson");

        CommandRun run = CommandRun.of(platform, "import", "events", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("tandem import events: no such file: " + missing);
        assertThat(platform.sessionsOpened).isZero();
    }

    @Test
    void aFolderIsNotAnEventsFile() {
        CommandRun run = CommandRun.of(platform, "import", "events", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a regular file");
    }

    @Test
    void refusesToWriteRejectsOverTheInput() throws IOException {
        Path file = write("events.ndjson", "{}");

        CommandRun run = CommandRun.of(platform, "import", "events", file.toString(), "--rejects", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Files.readString(file)).isEqualTo("{}\n");
    }

    @Test
    void everyImportCommandHasHelp() {
        assertThat(CommandRun.of(platform, "import", "--help").out()).contains("events", "movielens", "lastfm");
        assertThat(CommandRun.of(platform, "import", "events", "--help").out()).contains("FILE", "--rejects");
        assertThat(CommandRun.of(platform, "import", "movielens", "--help").out()).contains("DIR", "u.item");
        assertThat(CommandRun.of(platform, "import", "lastfm", "--help").out()).contains("DIR", "'view'");
        assertThat(platform.sessionsOpened).isZero();
    }

    @Test
    void rejectsFileSitsBesideTheInputWithoutItsExtension() {
        assertThat(ImportEventsCommand.defaultRejectsFile(Path.of("/data/clicks.ndjson")))
                .isEqualTo(Path.of("/data/clicks.rejected.ndjson"));
        assertThat(ImportEventsCommand.defaultRejectsFile(Path.of("/data/clicks")))
                .isEqualTo(Path.of("/data/clicks.rejected.ndjson"));
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> readNdjson(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
