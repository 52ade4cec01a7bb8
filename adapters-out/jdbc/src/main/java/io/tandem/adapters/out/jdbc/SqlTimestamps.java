package io.tandem.adapters.out.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as bound to {@code TIMESTAMP WITH TIME ZONE} parameters, the same way in every table. */
final class SqlTimestamps {

    private SqlTimestamps() {
    }

    /**
     * Truncated rather than left to the server, which would round (PostgreSQL) to its microseconds: the stored
     * time is then never later than the given one, in both databases alike.
     */
    static OffsetDateTime of(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
