package io.tandem.application.ingestion.port.in;

import io.tandem.domain.InvalidFieldException;

import java.time.LocalDate;
import java.util.Objects;

/** The event dates to read, inclusive. */
public record ReadArchivedEventsQuery(LocalDate from, LocalDate to) {

    public ReadArchivedEventsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
    }
}
