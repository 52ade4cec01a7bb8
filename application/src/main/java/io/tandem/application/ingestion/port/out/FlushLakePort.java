package io.tandem.application.ingestion.port.out;

import java.time.Duration;

/**
 * Makes the lake archiver write what it holds now, without waiting for its timer, until the lake holds every event
 * before a barrier or the time is up (ADR-0021).
 */
@FunctionalInterface
public interface FlushLakePort {

    /**
     * Flushes the archiver, again and again while it still reads up to {@code barrier}, for at most {@code timeout}.
     *
     * @return how far the lake is known to hold the log: it {@link EventLogPosition#covers covers} the barrier on
     *         success, and shows how far the archiver got when the time ran out
     * @throws IllegalStateException when no archiver can be reached from this process, saying why
     */
    EventLogPosition flushUpTo(EventLogPosition barrier, Duration timeout);
}
