package io.tandem.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The times input may carry (ADR-0019): not before {@code earliest}, and at most {@code maxAhead} after the moment
 * it is received (clock skew, not time travel). Both are configurable within fixed bounds that keep every accepted
 * time representable by every store: {@code earliest} not before year 1583, {@code maxAhead} at most a year.
 */
public record TimeWindow(Instant earliest, Duration maxAhead) {

    /**
     * The first moment any stored time may be: every store represents years 1583 to 9999 alike. Before the
     * Gregorian calendar's first full year, JDBC drivers and databases disagree about calendars (PostgreSQL gives
     * 0001-01-01 back two days off, which would then fail this very check when the catalog is read).
     */
    public static final Instant FIRST_REPRESENTABLE = Instant.parse("1583-01-01T00:00:00Z");
    /** The last moment any stored time may be. */
    public static final Instant LAST_REPRESENTABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Duration LONGEST_AHEAD = Duration.ofDays(366);

    // After the constants above: static fields initialise in order, and the constructor needs them.
    /** 1970-01-01 to 24 hours after the receiving clock. */
    public static final TimeWindow DEFAULT = new TimeWindow(Instant.EPOCH, Duration.ofHours(24));

    public TimeWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(maxAhead, "maxAhead");
        if (earliest.isBefore(FIRST_REPRESENTABLE) || earliest.isAfter(Instant.parse("9000-01-01T00:00:00Z"))) {
            throw new InvalidFieldException("earliest-time", "must lie between 1583-01-01 and 9000-01-01");
        }
        if (maxAhead.isNegative() || maxAhead.compareTo(LONGEST_AHEAD) > 0) {
            throw new InvalidFieldException("max-ahead", "must lie between 0 and 366 days");
        }
    }

    /** Fails naming {@code field} when {@code at} lies outside the window as seen at {@code now}. */
    public Instant check(String field, Instant at, Instant now) {
        if (at.isBefore(earliest)) {
            throw new InvalidFieldException(field, "is before " + earliest + ", the earliest time accepted");
        }
        requireNotAhead(field, at, now);
        return at;
    }

    /** Fails naming {@code field} when {@code at} lies more than {@code maxAhead} after {@code now}. */
    public Instant requireNotAhead(String field, Instant at, Instant now) {
        if (at.isAfter(now.plus(maxAhead))) {
            throw new InvalidFieldException(field, "is more than " + describe(maxAhead)
                    + " ahead of the server's clock");
        }
        return at;
    }

    /** Fails naming {@code field} unless {@code at} lies in years 1583 to 9999. */
    public static Instant requireRepresentable(String field, Instant at) {
        if (at.isBefore(FIRST_REPRESENTABLE) || at.isAfter(LAST_REPRESENTABLE)) {
            throw new InvalidFieldException(field, "must lie between years 1583 and 9999");
        }
        return at;
    }

    private static String describe(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " hours";
        }
        return duration.toSeconds() + " seconds";
    }
}
