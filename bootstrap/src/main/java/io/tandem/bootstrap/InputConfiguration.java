package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code tandem.input.*}: the window of times input may carry (ADR-0019). An event time before
 * {@code earliest-time}, or an event or item time more than {@code max-ahead} after the receiving clock, is
 * refused naming the field.
 */
@ConfigurationProperties("tandem.input")
record InputConfiguration(@Bindable(defaultValue = "1970-01-01T00:00:00Z") String earliestTime,
                          @Bindable(defaultValue = "24h") Duration maxAhead) {

    TimeWindow timeWindow() {
        Instant earliest;
        try {
            earliest = Instant.parse(earliestTime);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("tandem.input.earliest-time", "'" + earliestTime
                    + "' is not an ISO-8601 instant such as 1970-01-01T00:00:00Z");
        }
        try {
            return new TimeWindow(earliest, maxAhead);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("tandem.input." + e.field(), e.reason());
        }
    }
}
