package io.tandem.domain.experiment.offpolicy;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * One logged decision of a serving policy: in {@code context}, it put {@code action} (an item index) at
 * {@code position} with probability {@code propensity}, and the user gave {@code reward} (1 for a click).
 *
 * @param context an opaque key of what the policy saw (a user segment, hashed features); may be empty
 */
public record LoggedDecision(String context, int action, int position, double reward, double propensity) {

    public LoggedDecision {
        Objects.requireNonNull(context, "context");
        if (action < 0) {
            throw new InvalidFieldException("action", "must not be negative");
        }
        if (position < 1) {
            throw new InvalidFieldException("position", "must be 1 or more");
        }
        if (!Double.isFinite(reward)) {
            throw new InvalidFieldException("reward", "must be a finite number");
        }
        if (!(propensity > 0 && propensity <= 1)) {
            throw new InvalidFieldException("propensity", "must be above 0 and at most 1, got " + propensity);
        }
    }
}
