package io.tandem.domain.access;

import io.tandem.domain.InvalidFieldException;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond} requests a second. A key has one,
 * applied to each route class ({@link Scope}) separately, so a flood of writes never eats the reads' budget.
 */
public record RateLimit(int perSecond, int burst) {

    public static final int MAX = 1_000_000;

    public RateLimit {
        if (perSecond < 1 || perSecond > MAX) {
            throw new InvalidFieldException("rateLimit.perSecond", "must be between 1 and " + MAX + ", got "
                    + perSecond);
        }
        if (burst < 1 || burst > MAX) {
            throw new InvalidFieldException("rateLimit.burst", "must be between 1 and " + MAX + ", got " + burst);
        }
    }
}
