package io.tandem.application.training.port.in;

import io.tandem.domain.InvalidFieldException;

import java.util.Locale;

/**
 * The later stretch of the lake's interactions a training run holds out for evaluation: either the last
 * {@code days} days up to the latest interaction, or the latest {@code share} of the interactions in time order.
 * Exactly one of the two is set; the other is zero.
 */
public record HoldOutWindow(int days, double share) {

    /** At most ten years: a longer hold-out is a typo, not a plan. */
    public static final int MAX_DAYS = 3_650;

    public HoldOutWindow {
        boolean byDays = days != 0;
        boolean byShare = share != 0;
        if (byDays == byShare) {
            throw new InvalidFieldException("holdOut", "set either a number of days or a share, not both or neither");
        }
        if (byDays && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidFieldException("holdOut.days", "must be between 1 and " + MAX_DAYS);
        }
        if (byShare && !(share > 0 && share < 1)) {
            throw new InvalidFieldException("holdOut.share", "must be between 0 and 1, both excluded");
        }
    }

    /** The last {@code days} days before the latest interaction. */
    public static HoldOutWindow lastDays(int days) {
        // Checked here too: zero would otherwise be read as "no days given" and blamed on the wrong field.
        if (days < 1) {
            throw new InvalidFieldException("holdOut.days", "must be between 1 and " + MAX_DAYS);
        }
        return new HoldOutWindow(days, 0);
    }

    /** The latest {@code share} of the interactions by time. */
    public static HoldOutWindow latestShare(double share) {
        if (share == 0) {
            throw new InvalidFieldException("holdOut.share", "must be between 0 and 1, both excluded");
        }
        return new HoldOutWindow(0, share);
    }

    public boolean byDays() {
        return days > 0;
    }

    /** In words, for progress and errors. */
    public String describe() {
        return byDays() ? "the last " + days + (days == 1 ? " day" : " days")
                : String.format(Locale.ROOT, "the latest %.4g%% of interactions", share * 100);
    }
}
