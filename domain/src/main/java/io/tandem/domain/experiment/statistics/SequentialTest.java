package io.tandem.domain.experiment.statistics;

import java.util.Objects;

/**
 * The state of an always-valid test after some looks at a difference (challenger minus champion, higher is
 * better): the running minimum of the mSPRT p-values and the running intersection of its confidence intervals.
 * Both stay valid whenever one stops, so the verdict may be read after every look.
 *
 * @param looks    how many looks have been taken
 * @param pValue   the always-valid p-value of "no difference" so far
 * @param interval the differences still plausible so far
 */
public record SequentialTest(MixtureSprt test, int looks, double pValue, Interval interval) {

    public SequentialTest {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(interval, "interval");
    }

    /** Before the first look. */
    public static SequentialTest start(MixtureSprt test) {
        return new SequentialTest(test, 0, 1.0, Interval.EVERYTHING);
    }

    /** The state after one more look at the current estimate of the difference. */
    public SequentialTest observe(Estimate difference) {
        return new SequentialTest(test, looks + 1, Math.min(pValue, test.pValue(difference)),
                interval.intersect(test.confidenceInterval(difference)));
    }

    /** SHIP once every plausible difference is above 0, STOP once every one is below, KEEP_RUNNING until then. */
    public Verdict verdict() {
        if (interval.isAbove(0)) {
            return Verdict.SHIP;
        }
        if (interval.isBelow(0)) {
            return Verdict.STOP;
        }
        return Verdict.KEEP_RUNNING;
    }
}
