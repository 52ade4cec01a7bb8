package io.tandem.application.training.port.in;

/** What a replay went through: events read, examples emitted, and repeated event ids skipped. */
public record ReplaySummary(long events, long examples, long duplicates) {

    public ReplaySummary {
        if (events < 0 || examples < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
