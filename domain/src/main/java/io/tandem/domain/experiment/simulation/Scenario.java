package io.tandem.domain.experiment.simulation;

import io.tandem.domain.experiment.statistics.Verdict;

/** Which ranking policy each side of a simulated experiment serves, and so which verdict is right. */
public enum Scenario {
    /** Champion weak, challenger good: the right verdict is SHIP. */
    CHALLENGER_BETTER(false, true, Verdict.SHIP),
    /** Champion good, challenger weak: the right verdict is STOP. */
    CHALLENGER_WORSE(true, false, Verdict.STOP),
    /** Both good (an A/A test): any decision is a false positive; the right outcome is none. */
    NO_DIFFERENCE(true, true, Verdict.KEEP_RUNNING);

    private final boolean championGood;
    private final boolean challengerGood;
    private final Verdict right;

    Scenario(boolean championGood, boolean challengerGood, Verdict right) {
        this.championGood = championGood;
        this.challengerGood = challengerGood;
        this.right = right;
    }

    public boolean championGood() {
        return championGood;
    }

    public boolean challengerGood() {
        return challengerGood;
    }

    /** The verdict a perfect test would reach (KEEP_RUNNING: no decision at all). */
    public Verdict rightVerdict() {
        return right;
    }

    /** True for a decision against the truth: the wrong direction, or any decision without a difference. */
    public boolean isWrong(Verdict verdict) {
        return verdict != Verdict.KEEP_RUNNING && verdict != right;
    }
}
