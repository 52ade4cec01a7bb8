package io.tandem.domain.feature;

import io.tandem.domain.InvalidFieldException;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential time decay of popularity with a half-life.
 *
 * <p>Stores keep each item's popularity as {@code sum(weight * 2^((t - epoch) / halfLife))}: adding an
 * event is a plain increment (no read-modify-write, so Redis can do it with ZINCRBY), and ordering items
 * by the stored value is ordering them by decayed popularity at any moment, because every item shares the
 * factor {@code 2^(-(now - epoch) / halfLife)}. {@link #decayedAt} turns a stored value into the decayed
 * popularity at a moment, for display and for features.
 */
public record PopularityDecay(Duration halfLife, Instant epoch) {

    /** Beyond this many half-lives from the epoch a stored value would lose precision; stores rebase. */
    public static final double MAX_HALF_LIVES = 900;

    public PopularityDecay {
        if (halfLife == null || halfLife.isZero() || halfLife.isNegative()) {
            throw new InvalidFieldException("popularity.half-life", "must be a positive duration");
        }
        if (epoch == null) {
            throw new InvalidFieldException("popularity.epoch", "is required");
        }
    }

    /** What an event of {@code weight} at {@code at} adds to an item's stored value. */
    public double increment(double weight, Instant at) {
        return weight * Math.pow(2.0, halfLives(at));
    }

    /** The popularity that a stored value amounts to at moment {@code at}. */
    public double decayedAt(double storedValue, Instant at) {
        return storedValue * Math.pow(2.0, -halfLives(at));
    }

    /**
     * True when {@code at} is so far after the epoch that stored values must be rebased to a newer epoch.
     * Events far before the epoch need nothing: their increment rightly underflows towards zero.
     */
    public boolean needsRebase(Instant at) {
        return halfLives(at) > MAX_HALF_LIVES;
    }

    /** The same decay with the epoch moved to {@code newEpoch}; stored values scale by {@link #rebaseFactor}. */
    public PopularityDecay rebasedTo(Instant newEpoch) {
        return new PopularityDecay(halfLife, newEpoch);
    }

    /** The factor that converts values stored under this epoch to values under {@code newEpoch}. */
    public double rebaseFactor(Instant newEpoch) {
        return Math.pow(2.0, -halfLives(newEpoch));
    }

    private double halfLives(Instant at) {
        return (double) Duration.between(epoch, at).toMillis() / halfLife.toMillis();
    }
}
