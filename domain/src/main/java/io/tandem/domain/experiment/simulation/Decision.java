package io.tandem.domain.experiment.simulation;

import io.tandem.domain.experiment.statistics.Verdict;

import java.util.Objects;

/**
 * How one method ended in one simulated experiment.
 *
 * @param verdict     SHIP or STOP when the test decided, KEEP_RUNNING when it was still undecided at the horizon
 * @param impressions impressions served until the decision (or the horizon)
 * @param looks       looks the sequential test took
 */
public record Decision(Verdict verdict, long impressions, int looks) {

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
    }

    public boolean decided() {
        return verdict != Verdict.KEEP_RUNNING;
    }
}
