package io.tandem.adapters.in.bench;

/** A running platform with its HTTP server, started by a benchmark rather than by a user. */
public interface BenchServer extends AutoCloseable {

    /** Where the HTTP API answers, for example {@code http://localhost:41234}. */
    String url();

    /** The ports the benchmarks call in process. */
    BenchPlatform platform();

    /** Stops the server and waits until everything accepted is durable. */
    @Override
    void close();
}
