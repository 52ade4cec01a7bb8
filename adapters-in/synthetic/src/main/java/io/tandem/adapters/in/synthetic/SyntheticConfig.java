package io.tandem.adapters.in.synthetic;

import io.tandem.domain.InvalidFieldException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How much data to generate and from which seed; the same config always gives the same data.
 *
 * @param sessionsPerUser mean number of sessions of an average user (activity varies per user)
 * @param slateSize       items shown per session, at positions 1..slateSize
 * @param start           time of the earliest event; events spread over {@code span} after it
 */
public record SyntheticConfig(long seed, int users, int items, int categories, int sessionsPerUser, int slateSize,
                              Instant start, Duration span) {

    public static final int MAX_CATEGORIES = SyntheticDatasetGenerator.CATEGORY_NAMES.size();

    public SyntheticConfig {
        positive("users", users);
        positive("items", items);
        positive("sessions-per-user", sessionsPerUser);
        positive("slate-size", slateSize);
        if (categories < 1 || categories > MAX_CATEGORIES) {
            throw new InvalidFieldException("categories", "must be between 1 and " + MAX_CATEGORIES);
        }
        if (slateSize > items) {
            throw new InvalidFieldException("slate-size", "must not exceed the number of items");
        }
        Objects.requireNonNull(start, "start");
        if (span == null || span.isNegative() || span.isZero()) {
            throw new InvalidFieldException("span", "must be a positive duration");
        }
    }

    /** The demo's data: a thousand users, five hundred items, thirty days ending {@code end}. */
    public static SyntheticConfig demo(Instant end) {
        Duration span = Duration.ofDays(30);
        return new SyntheticConfig(42L, 1_000, 500, 12, 8, 10, end.minus(span), span);
    }

    /**
     * A news-like site for {@link SyntheticDatasetGenerator#news}: 600 users, 400 stories published over 14 days
     * ending {@code end}, about ten sessions of eight stories per user.
     */
    public static SyntheticConfig news(long seed, Instant end) {
        Duration span = Duration.ofDays(14);
        return new SyntheticConfig(seed, 600, 400, 8, 10, 8, end.minus(span), span);
    }

    /** A small data set for tests. */
    public static SyntheticConfig small(long seed) {
        return new SyntheticConfig(seed, 100, 60, 6, 5, 8, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(10));
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new InvalidFieldException(field, "must be 1 or more");
        }
    }
}
