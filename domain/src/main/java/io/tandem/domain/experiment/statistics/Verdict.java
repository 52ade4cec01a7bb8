package io.tandem.domain.experiment.statistics;

import java.util.Locale;

/** What an experiment's evidence says to do with the challenger. */
public enum Verdict {
    /** The challenger is better, at the experiment's error rate: promote it. */
    SHIP,
    /** The challenger is worse, breaks a guardrail, or showed no difference by the end: keep the champion. */
    STOP,
    /** Not enough evidence yet. */
    KEEP_RUNNING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
