package io.tandem.adapters.in.cli.imports;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportMovieLensCommandTest {

    @TempDir
    Path dir;

    private final RecordingPlatform platform = new RecordingPlatform();

    @Test
    void importsATinyMovieLensShapedFolder() throws IOException {
        latin1("u.genre", "unknown|0", "Comedy|1", "Drama|2", "");
        latin1("u.item",
                "1|Toy Story (1995)|01-Jan-1995||http://example.org/1|0|1|0",
                "2|Misérables, Les (1995)|01-Jan-1995||http://example.org/2|0|0|1",
                "3|unknown||||1|0|0",
                "4|Contempt (Mépris, Le) (1963)|27-Jun-1997||http://example.org/4|0|1|1",
                "|No id (2000)|01-Jan-2000||x|0|0|0");
        latin1("u.user", "1|24|M|technician|85711", "2|53|F|other|94043");
        latin1("u.data", "1\t1\t5\t881250949", "2\t2\t3\t891717742", "2\t4\tfour\t891717742",
                "1\t3\t4", "1\t2\t4\t881250950");

        CommandRun run = CommandRun.of(platform, "import", "movielens", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(platform.calls).containsExactly("items", "users", "events");
        assertThat(platform.items).containsOnlyKeys("1", "2", "3", "4");
        Item miserables = platform.items.get("2");
        assertThat(miserables.attributes()).containsEntry("title", "Misérables, Les (1995)").containsEntry("year", "1995");
        assertThat(miserables.categories()).containsExactly("Drama");
        assertThat(miserables.createdAt()).isEqualTo(Instant.parse("1995-01-01T00:00:00Z"));
        Item contempt = platform.items.get("4");
        assertThat(contempt.categories()).containsExactlyInAnyOrder("Comedy", "Drama");
        assertThat(contempt.attributes()).containsEntry("year", "1963");
        Item unknown = platform.items.get("3");
        assertThat(unknown.createdAt()).isEqualTo(MovieLens100k.UNKNOWN_RELEASE);
        assertThat(unknown.attributes()).containsOnlyKeys("title");
        assertThat(platform.users.get("2").attributes())
                .isEqualTo(Map.of("age", "53", "gender", "F", "occupation", "other", "zip", "94043"));

        Event rating = platform.events.get("ml100k-1-1");
        assertThat(rating.type()).isEqualTo(EventType.RATING);
        assertThat(rating.value().getAsDouble()).isEqualTo(5.0);
        assertThat(rating.time()).isEqualTo(Instant.ofEpochSecond(881250949));
        assertThat(platform.events).containsOnlyKeys("ml100k-1-1", "ml100k-2-2", "ml100k-1-2");
        assertThat(run.out()).contains("u.item:5: itemId: is required", "u.data:3: value: must be a number",
                "u.data:4: line: expected 4 tab-separated columns",
                "rating events 5 read, 3 accepted, 0 duplicates, 2 rejected",
                "The catalog now holds 4 items and 2 users.");
    }

    @Test
    void aFolderWithoutTheMovieLensFilesIsAClearError() throws IOException {
        latin1("u.item", "1|Toy Story (1995)|01-Jan-1995||x|0");

        CommandRun run = CommandRun.of(platform, "import", "movielens", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file: " + dir.resolve("u.genre"), "expected u.genre, u.item");
        assertThat(platform.sessionsOpened).isZero();
    }

    @Test
    void importsTheRealMovieLens100k() {
        Path ml100k = SharedData.require("ml-100k");

        CommandRun run = CommandRun.of(platform, "import", "movielens", ml100k.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(platform.events).hasSize(100_000);
        assertThat(platform.users).hasSize(943);
        assertThat(platform.items).hasSize(1_682);
        assertThat(platform.eventBatchSizes).containsExactly(10_000, 10_000, 10_000, 10_000, 10_000, 10_000,
                10_000, 10_000, 10_000, 10_000);
        assertThat(platform.items.get("1").categories()).containsExactlyInAnyOrder("Animation", "Children's", "Comedy");
        assertThat(platform.items.get("543").attributes()).containsEntry("title", "Misérables, Les (1995)");
        assertThat(platform.items.get("1104").attributes())
                .containsEntry("title", "C'est arrivé près de chez vous (1992)");
        Event first = platform.events.get("ml100k-196-242");
        assertThat(first.value().getAsDouble()).isEqualTo(3.0);
        assertThat(first.time()).isEqualTo(Instant.ofEpochSecond(881250949));
        assertThat(run.out()).contains("100,000 read, 100,000 accepted, 0 duplicates, 0 rejected");

        CommandRun again = CommandRun.of(platform, "import", "movielens", ml100k.toString());

        assertThat(again.out()).contains("100,000 read, 0 accepted, 100,000 duplicates, 0 rejected",
                "The catalog now holds 1,682 items and 943 users.");
    }

    private void latin1(String name, String... lines) throws IOException {
        Files.write(dir.resolve(name), List.of(lines), StandardCharsets.ISO_8859_1);
    }
}
