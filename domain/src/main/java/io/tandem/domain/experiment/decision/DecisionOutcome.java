package io.tandem.domain.experiment.decision;

import io.tandem.domain.InvalidFieldException;

import java.util.Locale;

/** What an experiment's decision did with a challenger's version. */
public enum DecisionOutcome {
    /** It won online, passed the offline gate and kept every guardrail: it was made champion. */
    PROMOTED,
    /** It won online but its offline gate failed: it stays a candidate, the win is on record. */
    WON_NOT_PROMOTED,
    /** It lost online at the test's error rate. */
    LOST,
    /** The experiment stopped without a win: a guardrail broke, the sample ratio was off, or nothing was found. */
    STOPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a wire name exactly, naming {@code field} when it is not one. */
    public static DecisionOutcome fromWireName(String field, String text) {
        String value = InvalidFieldException.requireText(field, text);
        for (DecisionOutcome outcome : values()) {
            if (outcome.wireName().equals(value)) {
                return outcome;
            }
        }
        throw new InvalidFieldException(field, "is not one of promoted, won-not-promoted, lost, stopped");
    }
}
