package io.tandem.adapters.in.cli.imports;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ImportLastFmCommandTest {

    @TempDir
    Path dir;

    private final RecordingPlatform platform = new RecordingPlatform();

    @Test
    void importsATinyLastFmShapedFolderWithTagsAndTimes() throws IOException {
        write("artists.dat", StandardCharsets.UTF_8, "id\tname\turl\tpictureURL",
                "1\tSigur Rós\thttp://www.last.fm/music/Sigur+R%C3%B3s\thttp://img/1.jpg",
                "2\tMetallica\thttp://www.last.fm/music/Metallica\thttp://img/2.jpg",
                "3\tNobody Tags Me\thttp://x\thttp://y");
        write("tags.dat", StandardCharsets.ISO_8859_1, "tagID\ttagValue", "1\tpost-rock", "2\ttropicália",
                "3\tmetal", "4\ticelandic", "5\tambient");
        // Artist 1: post-rock 3x, icelandic 2x, ambient 2x, tropicália 1x -> top 3 with ties by name.
        write("user_taggedartists.dat", StandardCharsets.US_ASCII, "userID\tartistID\ttagID\tday\tmonth\tyear",
                "10\t1\t1\t1\t4\t2009", "11\t1\t1\t1\t4\t2009", "12\t1\t1\t1\t4\t2009",
                "10\t1\t5\t1\t4\t2009", "11\t1\t5\t1\t4\t2009", "10\t1\t4\t1\t4\t2009", "12\t1\t4\t1\t4\t2009",
                "11\t1\t2\t1\t4\t2009", "10\t2\t3\t1\t4\t2009", "11\t2\t2\t1\t4\t2009");
        write("user_taggedartists-timestamps.dat", StandardCharsets.US_ASCII, "userID\tartistID\ttagID\ttimestamp",
                "10\t1\t1\t1238536800000", "10\t1\t5\t1241128800000", "10\t2\t3\t1238536800000");
        write("user_artists.dat", StandardCharsets.US_ASCII, "userID\tartistID\tweight",
                "10\t1\t13883", "10\t2\t11690", "11\t2\t-5", "11\t3\t1", "12\t3");

        CommandRun run = CommandRun.of(platform, "import", "lastfm", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(platform.calls).containsExactly("items", "users", "events");
        assertThat(platform.items).containsOnlyKeys("1", "2", "3");
        Item sigurRos = platform.items.get("1");
        assertThat(sigurRos.attributes()).containsEntry("name", "Sigur Rós");
        assertThat(sigurRos.categories()).containsExactlyInAnyOrder("post-rock", "ambient", "icelandic");
        assertThat(platform.items.get("2").categories()).as("Latin-1 tags.dat decoded")
                .containsExactlyInAnyOrder("metal", "tropicália");
        assertThat(platform.items.get("3").categories()).isEmpty();
        assertThat(platform.users).containsOnlyKeys("10", "11", "12");

        Event plays = platform.events.get("lastfm2k-10-1");
        assertThat(plays.type()).isEqualTo(EventType.VIEW);
        assertThat(plays.value().getAsDouble()).isEqualTo(13883.0);
        assertThat(plays.time()).as("the latest tagging of the pair").isEqualTo(Instant.ofEpochMilli(1241128800000L));
        assertThat(platform.events.get("lastfm2k-11-3").time()).isEqualTo(LastFm2k.PUBLISHED);
        assertThat(platform.events).containsOnlyKeys("lastfm2k-10-1", "lastfm2k-10-2", "lastfm2k-11-3");
        assertThat(run.out()).contains("user_artists.dat:4: value: must not be negative for view",
                "user_artists.dat:6: line: expected 3 tab-separated columns",
                "view events 5 read, 3 accepted, 0 duplicates, 2 rejected");
    }

    @Test
    void importsTheRealLastFm2k() throws IOException {
        Path lastfm = SharedData.require("hetrec2011-lastfm-2k");
        List<String[]> listenings = rows(lastfm.resolve("user_artists.dat"));
        Set<String> listeners = listenings.stream().map(row -> row[0]).collect(Collectors.toSet());
        List<String[]> artists = rows(lastfm.resolve("artists.dat"));

        CommandRun run = CommandRun.of(platform, "import", "lastfm", lastfm.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(platform.events).hasSize(listenings.size());
        assertThat(platform.users).hasSize(listeners.size());
        assertThat(platform.items).hasSize(artists.size());
        String[] firstListening = listenings.get(0);
        Event first = platform.events.get("lastfm2k-" + firstListening[0] + "-" + firstListening[1]);
        assertThat(first.type()).isEqualTo(EventType.VIEW);
        assertThat(first.value().getAsDouble()).isEqualTo(Double.parseDouble(firstListening[2]));
        String[] firstArtist = artists.get(0);
        assertThat(platform.items.get(firstArtist[0]).attributes()).containsEntry("name", firstArtist[1]);
        if (!Files.exists(lastfm.resolve(LastFm2k.TAGGINGS))) {
            assertThat(platform.items.values()).allSatisfy(item -> assertThat(item.categories()).isEmpty());
            assertThat(first.time()).isEqualTo(LastFm2k.PUBLISHED);
        }
        assertThat(platform.items.values()).allSatisfy(item -> assertThat(item.categories()).hasSizeLessThan(4));
        assertThat(run.out()).contains(String.format("%,d read, %,d accepted, 0 duplicates, 0 rejected",
                listenings.size(), listenings.size()));
    }

    /** The data rows of a HetRec file, read independently of the importer: UTF-8, header dropped. */
    private static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1))
                .collect(Collectors.toList());
    }

    private void write(String name, Charset charset, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n", charset);
    }
}
