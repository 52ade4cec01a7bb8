package io.tandem.domain.experiment.interleaving;

import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.SignTest;
import io.tandem.domain.experiment.statistics.UnitTotals;
import io.tandem.domain.experiment.statistics.WilsonScore;

import java.util.Objects;

/**
 * The outcomes of interleaved requests, per unit (user): wins, ties, and B's preference, the mean per-request
 * score (+1 B won, -1 A won, 0 tie). Its estimate is taken over users by the delta method, so it can feed the
 * same always-valid sequential test as an A/B difference; the sign test and the Wilson interval of B's share of
 * decisive requests are the fixed-horizon read-outs.
 *
 * @param <K> the unit's key, for example a user id
 */
public final class InterleavingTally<K> {

    private static final int REQUESTS = 0;
    private static final int SCORE = 1;

    private final UnitTotals<K> units = new UnitTotals<>(2);
    private long winsA;
    private long winsB;
    private long ties;

    public void add(K unit, InterleavingOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        units.add(unit, 1, outcome.scoreForB());
        switch (outcome) {
            case A_WINS -> winsA++;
            case B_WINS -> winsB++;
            case TIE -> ties++;
        }
    }

    public long winsA() {
        return winsA;
    }

    public long winsB() {
        return winsB;
    }

    public long ties() {
        return ties;
    }

    public long requests() {
        return winsA + winsB + ties;
    }

    public long units() {
        return units.units();
    }

    /** B's preference: the mean score per request, in [-1, 1], with its delta-method variance over units. */
    public Estimate preference() {
        return units.ratio(SCORE, REQUESTS).estimate();
    }

    /** The Wilson interval of B's share of the decisive requests (treating requests as independent). */
    public Interval shareOfBWins(double confidence) {
        return WilsonScore.interval(winsB, winsA + winsB, confidence);
    }

    /** The exact two-sided sign test of "neither ranking is preferred" over the decisive requests. */
    public double signTestPValue() {
        return SignTest.twoSidedPValue(winsB, winsA + winsB);
    }
}
