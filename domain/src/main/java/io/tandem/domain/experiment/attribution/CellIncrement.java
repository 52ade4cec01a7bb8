package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request's follow-ups add to its variant's cells (the day it was served, and the whole experiment) at
 * one step: the list itself when it is counted for the first time ({@code served}: a request, its fallback flag,
 * latency, items and user), and the change of its contribution, as differences that a store adds to its sums
 * (ADR-0026). Adding every increment of a request, in any order, gives its final contribution. In an interleaved
 * list the request's outcome (won by A, by B, or tied) is part of it: a click that changes the winner moves the
 * request from its old outcome to its new one.
 *
 * @param list   the served list the follow-ups quote
 * @param served whether the list is counted now (its first increment in a generation of the store)
 * @param counts the count differences, indexed by the constants of this record
 * @param sums   the sum differences, indexed by the constants of this record
 */
public record CellIncrement(ServedList list, int cutOff, boolean served, long[] counts, double[] sums) {

    public static final int IMPRESSIONS = 0;
    public static final int CLICKED_IMPRESSIONS = 1;
    public static final int CARTED_IMPRESSIONS = 2;
    public static final int PURCHASED_IMPRESSIONS = 3;
    public static final int REQUEST_ONLY_CLICKS = 4;
    public static final int REQUEST_ONLY_CARTS = 5;
    public static final int REQUEST_ONLY_PURCHASES = 6;
    public static final int REQUESTS_WITH_CLICK = 7;
    public static final int LISTS_WITH_CLICK = 8;
    /** Interleaved requests won by team A, won by team B, and tied (undecided included). */
    public static final int WINS_A = 9;
    public static final int WINS_B = 10;
    public static final int TIES = 11;
    public static final int COUNTS = 12;
    public static final int IMPRESSION_VALUE = 0;
    public static final int REQUEST_ONLY_VALUE = 1;
    public static final int NDCG = 2;
    public static final int RECIPROCAL_RANK = 3;
    public static final int SUMS = 4;

    public CellIncrement {
        Objects.requireNonNull(list, "list");
        if (counts.length != COUNTS || sums.length != SUMS) {
            throw new InvalidFieldException("increment", "expected " + COUNTS + " counts and " + SUMS + " sums");
        }
        counts = counts.clone();
        sums = sums.clone();
    }

    static CellIncrement between(ServedList list, int cutOff, boolean served, Contribution before,
                                 Contribution after) {
        long[] counts = {
            after.impressions() - before.impressions(),
            after.clickedImpressions() - before.clickedImpressions(),
            after.cartedImpressions() - before.cartedImpressions(),
            after.purchasedImpressions() - before.purchasedImpressions(),
            after.requestOnlyClicks() - before.requestOnlyClicks(),
            after.requestOnlyCarts() - before.requestOnlyCarts(),
            after.requestOnlyPurchases() - before.requestOnlyPurchases(),
            after.clicked() - before.clicked(),
            after.listsWithClick() - before.listsWithClick(), 0, 0, 0};
        if (list.interleaved()) {
            // A request counted now enters the outcome of its clicks; otherwise it moves from its old outcome.
            if (!served) {
                counts[outcome(before)]--;
            }
            counts[outcome(after)]++;
        }
        double[] sums = {
            after.impressionValue() - before.impressionValue(),
            after.requestOnlyValue() - before.requestOnlyValue(),
            after.ndcg() - before.ndcg(),
            after.reciprocalRank() - before.reciprocalRank()};
        return new CellIncrement(list, cutOff, served, counts, sums);
    }

    private static int outcome(Contribution contribution) {
        int scoreForB = contribution.scoreForB();
        return scoreForB < 0 ? WINS_A : scoreForB > 0 ? WINS_B : TIES;
    }

    /** The day cell this increment adds to (UTC, by the time the list was served). */
    public LocalDate day() {
        return LocalDate.ofInstant(list.servedAt(), ZoneOffset.UTC);
    }

    /** The cells this increment adds to: its day, then the whole experiment. */
    public List<Optional<LocalDate>> cells() {
        return List.of(Optional.of(day()), Optional.empty());
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public double[] sums() {
        return sums.clone();
    }

    /**
     * The change of the user's totals in the cells: impressions, clicked and purchased impressions, value, then
     * interleaved requests and their scores for B (+1 won by B, -1 won by A).
     */
    double[] userDeltas() {
        return new double[] {counts[IMPRESSIONS], counts[CLICKED_IMPRESSIONS], counts[PURCHASED_IMPRESSIONS],
            sums[IMPRESSION_VALUE], served && list.interleaved() ? 1 : 0, counts[WINS_B] - counts[WINS_A]};
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellIncrement that && list.equals(that.list) && cutOff == that.cutOff
                && served == that.served && Arrays.equals(counts, that.counts) && Arrays.equals(sums, that.sums);
    }

    @Override
    public int hashCode() {
        return Objects.hash(list, cutOff, served, Arrays.hashCode(counts), Arrays.hashCode(sums));
    }

    @Override
    public String toString() {
        return "CellIncrement[" + list.requestId() + ", served=" + served + ", counts=" + Arrays.toString(counts)
                + ", sums=" + Arrays.toString(sums) + "]";
    }
}
