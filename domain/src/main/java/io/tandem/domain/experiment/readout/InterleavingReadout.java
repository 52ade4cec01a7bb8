package io.tandem.domain.experiment.readout;

import io.tandem.domain.experiment.attribution.InterleavingCounts;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.SignTest;
import io.tandem.domain.experiment.statistics.Verdict;
import io.tandem.domain.experiment.statistics.WilsonScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at an interleaving experiment (ADRs 0024, 0025): wins of each team, ties, B's preference (the mean
 * per-request score, +1 when B's items drew more clicks, -1 when A's did) with its delta-method variance over users,
 * and the same always-valid test an A/B difference gets, tuned to a preference of {@value #EXPECTED_PREFERENCE}
 * as in the simulation. SHIP: the second variant (B, the challenger) is preferred; STOP: the first (A, the control)
 * is, or no preference was found by the user horizon. The sign test and the Wilson interval of B's share of the
 * decisive requests are fixed-horizon figures, shown beside it and never deciding.
 *
 * @param users      distinct users who were served interleaved lists
 * @param preference B's preference, empty before the first look
 * @param shareOfB   the Wilson 95 % interval of B's share of the decisive requests
 * @param signTestP  the exact two-sided sign test of "neither is preferred" over the decisive requests
 */
public record InterleavingReadout(Verdict verdict, List<String> reasons, InterleavingCounts counts, long users,
                                  Optional<Estimate> preference, double shareOfBWins, Interval shareOfB,
                                  double signTestP, SequentialTest test) {

    /** The preference the always-valid test is tuned to (τ), as `tandem bench experiment` uses it. */
    public static final double EXPECTED_PREFERENCE = 0.03;
    private static final double CONFIDENCE = 0.95;

    public InterleavingReadout {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(shareOfB, "shareOfB");
        Objects.requireNonNull(test, "test");
    }

    /** The always-valid test of the preference: the policy's α, τ = {@value #EXPECTED_PREFERENCE}. */
    public static MixtureSprt test(ReadoutPolicy policy) {
        return MixtureSprt.forEffect(policy.test().alpha(), EXPECTED_PREFERENCE);
    }

    /**
     * @param interleaved the whole-experiment cell of the interleaved lists, empty before the first one
     * @param previous    the sequential test as the previous look left it
     */
    public static InterleavingReadout read(Optional<OnlineMetrics> interleaved, String control, String challenger,
                                           SequentialTest previous, ReadoutPolicy policy) {
        Objects.requireNonNull(previous, "previous");
        InterleavingCounts counts = interleaved.map(OnlineMetrics::interleaving).orElse(InterleavingCounts.NONE);
        long users = interleaved.map(OnlineMetrics::users).orElse(0L);
        long decisive = counts.winsA() + counts.winsB();
        double share = decisive == 0 ? 0.5 : (double) counts.winsB() / decisive;
        Interval shareOfB = WilsonScore.interval(counts.winsB(), decisive, CONFIDENCE);
        double signTestP = SignTest.twoSidedPValue(counts.winsB(), decisive);
        List<String> reasons = new ArrayList<>();
        if (users < policy.minUsers()) {
            reasons.add(users + " users served interleaved lists, " + policy.minUsers() + " needed before a look");
            return new InterleavingReadout(Verdict.KEEP_RUNNING, reasons, counts, users, Optional.empty(), share,
                    shareOfB, signTestP, previous);
        }
        Estimate preference = counts.preference().estimate();
        SequentialTest test = previous.observe(preference);
        Verdict verdict = test.verdict();
        String evidence = String.format("preference for '%s' %.4f (%d wins for '%s', %d for '%s', %d ties), "
                + "always-valid interval [%.4f, %.4f], p = %.3g after %d looks", challenger, preference.value(),
                counts.winsB(), challenger, counts.winsA(), control, counts.ties(), test.interval().low(),
                test.interval().high(), test.pValue(), test.looks());
        if (verdict == Verdict.SHIP) {
            reasons.add("'" + challenger + "' is preferred: " + evidence);
        } else if (verdict == Verdict.STOP) {
            reasons.add("'" + control + "' is preferred: " + evidence);
        } else if (users >= policy.maxUsers()) {
            verdict = Verdict.STOP;
            reasons.add("no preference found by " + policy.maxUsers() + " users: " + evidence);
        } else {
            reasons.add("not decided yet: " + evidence);
        }
        return new InterleavingReadout(verdict, reasons, counts, users, Optional.of(preference), share, shareOfB,
                signTestP, test);
    }
}
