package io.tandem.adapters.in.cli;

/**
 * A running platform without HTTP server, for batch commands such as imports. Closing it waits until
 * everything accepted is durable (event log, lake) and releases the adapters.
 */
public interface TandemSession extends AutoCloseable {

    /** The use cases a command may call, for example {@code useCases().recordEvents()}. */
    UseCases useCases();

    @Override
    void close();
}
