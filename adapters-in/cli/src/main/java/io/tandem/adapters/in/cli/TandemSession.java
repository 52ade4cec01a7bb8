package io.tandem.adapters.in.cli;

/**
 * A running platform without HTTP server, for batch commands such as imports. Closing it waits until
 * everything accepted is durable (event log, lake) and releases the adapters.
 */
public interface TandemSession extends AutoCloseable {

    /** The implementation of an inbound port, for example {@code useCase(RecordEventsUseCase.class)}. */
    <T> T useCase(Class<T> type);

    @Override
    void close();
}
