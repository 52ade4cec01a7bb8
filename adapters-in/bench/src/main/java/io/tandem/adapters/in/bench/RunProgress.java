package io.tandem.adapters.in.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines of a benchmark run, each led by the seconds since the run started: {@code [  12.3 s] ...}. */
final class RunProgress {

    private final PrintStream out;
    private final long startedNanos = System.nanoTime();

    RunProgress(PrintStream out) {
        this.out = out;
    }

    void line(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - startedNanos) / 1e9,
                String.format(Locale.ROOT, format, args));
    }
}
