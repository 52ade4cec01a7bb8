package io.tandem.adapters.in.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The benchmarks' threads: daemons, so a run that gives up never waits for one, and named for a thread dump. */
final class BenchThreads {

    private BenchThreads() {
    }

    /** A pool of {@code threads} daemon threads named {@code name}. */
    static ExecutorService daemons(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sleeps; an interrupt ends the run. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
