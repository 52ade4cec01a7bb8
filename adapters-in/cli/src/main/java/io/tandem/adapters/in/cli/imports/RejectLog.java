package io.tandem.adapters.in.cli.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the rejected lines of an import: counts them all, keeps the first few to print, and optionally
 * streams every one to an NDJSON file, so a file with millions of bad lines never fills memory.
 */
final class RejectLog implements AutoCloseable {

    /** How many rejects the summary prints; the rest are only counted (and written to the rejects file). */
    static final int PRINTED = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final Optional<BufferedWriter> writer;
    private final List<RejectedLine> first = new ArrayList<>();
    private long count;

    private RejectLog(Optional<Path> file, Optional<BufferedWriter> writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Counts and keeps the first rejects only. */
    static RejectLog inMemory() {
        return new RejectLog(Optional.empty(), Optional.empty());
    }

    /**
     * Also writes every reject to {@code file}, one JSON object a line; the file is replaced, and removed
     * again on close when nothing was rejected, so it exists exactly when the last run refused something.
     */
    static RejectLog toFile(Path file) throws IOException {
        return new RejectLog(Optional.of(file), Optional.of(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
    }

    void add(RejectedLine rejected) throws IOException {
        count++;
        if (first.size() < PRINTED) {
            first.add(rejected);
        }
        if (writer.isPresent()) {
            ObjectNode json = JSON.createObjectNode()
                    .put("line", rejected.line())
                    .put("field", rejected.field())
                    .put("message", rejected.message())
                    .put("input", rejected.input());
            writer.get().write(JSON.writeValueAsString(json));
            writer.get().newLine();
        }
    }

    /** Prints the first {@value #PRINTED} rejects and says where the rest are. */
    void print(PrintStream out) {
        for (RejectedLine rejected : first) {
            out.println("  " + rejected.describe());
        }
        if (count > first.size()) {
            out.printf("  ... and %,d more%n", count - first.size());
        }
        if (count > 0 && file.isPresent()) {
            out.println("All rejected lines: " + file.get());
        }
    }

    @Override
    public void close() throws IOException {
        if (writer.isPresent()) {
            writer.get().close();
            if (count == 0) {
                Files.deleteIfExists(file.get());
            }
        }
    }
}
