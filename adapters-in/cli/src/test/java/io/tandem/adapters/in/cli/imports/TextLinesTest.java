package io.tandem.adapters.in.cli.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextLinesTest {

    @TempDir
    Path dir;

    @Test
    void numbersLinesFromOneAndDropsTerminatorsAndTheByteOrderMark() throws IOException {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "\uFEFFfirst\r\nsecond\n\nfourth", StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();

        long count = TextLines.read(file, StandardCharsets.UTF_8, (number, text) -> seen.add(number + ":" + text));

        assertThat(count).isEqualTo(4);
        assertThat(seen).containsExactly("1:first", "2:second", "3:", "4:fourth");
    }

    @Test
    void toldProgressReachesTheWholeFile() throws IOException {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "a\nb\nc\n", StandardCharsets.UTF_8);
        long[] last = new long[2];

        TextLines.read(file, StandardCharsets.UTF_8, new ImportProgress() {
            @Override
            public void advanceTo(long bytes, long lines) {
                last[0] = bytes;
                last[1] = lines;
            }

            @Override
            public void close() {
            }
        }, (number, text) -> { });

        assertThat(last).containsExactly(6, 3);
    }

    @Test
    void detectsLatin1WhereUtf8DoesNotDecode() throws IOException {
        Path latin1 = Files.writeString(dir.resolve("tags.dat"), "2\ttropicália\n", StandardCharsets.ISO_8859_1);
        Path utf8 = Files.writeString(dir.resolve("artists.dat"), "1\tSigur Rós\n", StandardCharsets.UTF_8);

        assertThat(TextLines.utf8OrLatin1(latin1)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(TextLines.utf8OrLatin1(utf8)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void keepsEmptyColumns() {
        assertThat(TextLines.columns("3|unknown||||1", '|')).containsExactly("3", "unknown", "", "", "", "1");
        assertThat(TextLines.columns("1\t2\t", '\t')).containsExactly("1", "2", "");
    }
}
