package io.tandem.adapters.in.cli.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ImportProgressTest {

    @Test
    void plainLinesShowEachTenthOnceHoweverOftenProgressIsReported() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (ImportProgress progress = ImportProgress.Display.lines(out).start("u.data", 1_000_000)) {
            for (long read = 0; read <= 1_000_000; read += 1_000) {
                progress.advanceTo(read, read / 50);
            }
        }

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(10).first().isEqualTo("u.data: 10% read, 2,000 lines");
        assertThat(printed.lines()).last().isEqualTo("u.data: 100% read, 20,000 lines");
    }

    @Test
    void anEmptyFileIsDoneAtOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (ImportProgress progress = ImportProgress.Display.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .start("empty.ndjson", 0)) {
            progress.advanceTo(0, 0);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("empty.ndjson: 100% read, 0 lines\n");
    }
}
