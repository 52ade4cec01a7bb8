package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.statistics.RatioSums;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored form of one cell (a group over one day, or over the whole experiment): sums only, so that a store can
 * add {@link CellIncrement}s to it from any number of writers and in any order (ADR-0026). Ratios are never stored:
 * the means of NDCG and MRR are sums over lists with a click, the latency percentile comes from bucket counts, and
 * the delta method's per-user sums and cross-products are moved by each user's own change, which the store passes
 * in with the user's totals in the cell. Not thread-safe: a store adds under its own lock or transaction.
 */
public final class CellSums {

    /**
     * Per-user columns: impressions, clicked impressions, purchased impressions, purchase value, interleaved
     * requests, interleaving score for B.
     */
    public static final int USER_COLUMNS = 6;
    private static final int INTERLEAVED_REQUESTS = 4;
    private static final int SCORE_FOR_B = 5;
    private static final int PRODUCTS = USER_COLUMNS * (USER_COLUMNS + 1) / 2;
    private static final int HEADER = 6;

    private int cutOff;
    private long requests;
    private long fallbacks;
    private long distinctItems;
    private long users;
    private long interleavedUsers;
    private final long[] counts = new long[CellIncrement.COUNTS];
    private final double[] sums = new double[CellIncrement.SUMS];
    private final double[] userSums = new double[USER_COLUMNS];
    private final double[] products = new double[PRODUCTS];
    private final TreeMap<Integer, Long> latency = new TreeMap<>();

    /** An empty cell. */
    public CellSums() {
    }

    /**
     * Adds {@code increment}. {@code newItems} is how many of its list's items the cell had not served before (0
     * unless the list is counted now), {@code newUser} whether the cell had not seen its user, and
     * {@code userTotals} that user's {@value #USER_COLUMNS} totals in this cell, updated in place.
     */
    public void add(CellIncrement increment, int newItems, boolean newUser, double[] userTotals) {
        if (userTotals.length != USER_COLUMNS) {
            throw new InvalidFieldException("userTotals", "expected " + USER_COLUMNS + " columns");
        }
        cutOff = increment.cutOff();
        users += newUser ? 1 : 0;
        double[] deltas = increment.userDeltas();
        interleavedUsers += userTotals[INTERLEAVED_REQUESTS] == 0 && deltas[INTERLEAVED_REQUESTS] > 0 ? 1 : 0;
        if (increment.served()) {
            ServedList list = increment.list();
            requests++;
            fallbacks += list.fallback() ? 1 : 0;
            distinctItems += newItems;
            latency.merge(LatencyHistogram.bucketOf(list.latency()), 1L, Long::sum);
        }
        long[] countDeltas = increment.counts();
        for (int c = 0; c < countDeltas.length; c++) {
            counts[c] += countDeltas[c];
        }
        double[] sumDeltas = increment.sums();
        for (int s = 0; s < sumDeltas.length; s++) {
            sums[s] += sumDeltas[s];
        }
        for (int c = 0; c < USER_COLUMNS; c++) {
            for (int d = c; d < USER_COLUMNS; d++) {
                products[product(c, d)] += (userTotals[c] + deltas[c]) * (userTotals[d] + deltas[d])
                        - userTotals[c] * userTotals[d];
            }
        }
        for (int c = 0; c < USER_COLUMNS; c++) {
            userTotals[c] += deltas[c];
            userSums[c] += deltas[c];
        }
    }

    /** The figures of this cell as a read-out shows them. */
    public OnlineMetrics snapshot(String experiment, String variant, Optional<LocalDate> day) {
        EngagementCounts engagement = new EngagementCounts(requests, counts[CellIncrement.IMPRESSIONS],
                counts[CellIncrement.CLICKED_IMPRESSIONS], counts[CellIncrement.CARTED_IMPRESSIONS],
                counts[CellIncrement.PURCHASED_IMPRESSIONS], sums[CellIncrement.IMPRESSION_VALUE],
                counts[CellIncrement.REQUEST_ONLY_CLICKS], counts[CellIncrement.REQUEST_ONLY_CARTS],
                counts[CellIncrement.REQUEST_ONLY_PURCHASES], sums[CellIncrement.REQUEST_ONLY_VALUE],
                counts[CellIncrement.REQUESTS_WITH_CLICK]);
        long lists = counts[CellIncrement.LISTS_WITH_CLICK];
        ListQuality quality = new ListQuality(Math.max(1, cutOff), lists,
                lists == 0 ? 0 : sums[CellIncrement.NDCG] / lists,
                lists == 0 ? 0 : sums[CellIncrement.RECIPROCAL_RANK] / lists, distinctItems);
        Guardrails guardrails = new Guardrails(requests, fallbacks, p99Millis());
        return new OnlineMetrics(experiment, variant, day, users, engagement, quality, guardrails,
                ratio(users, 0, 1), ratio(users, 0, 2), ratio(users, 0, 3),
                new InterleavingCounts(counts[CellIncrement.WINS_A], counts[CellIncrement.WINS_B],
                        counts[CellIncrement.TIES], ratio(interleavedUsers, INTERLEAVED_REQUESTS, SCORE_FOR_B)));
    }

    private RatioSums ratio(long units, int denominator, int numerator) {
        return new RatioSums(units, userSums[denominator], userSums[numerator],
                products[product(denominator, denominator)], products[product(numerator, numerator)],
                products[product(denominator, numerator)]);
    }

    private double p99Millis() {
        long total = latency.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(0.99 * total);
        long cumulative = 0;
        for (Map.Entry<Integer, Long> bucket : latency.entrySet()) {
            cumulative += bucket.getValue();
            if (cumulative >= rank) {
                return LatencyHistogram.upperEdgeMillis(bucket.getKey());
            }
        }
        return LatencyHistogram.upperEdgeMillis(latency.lastKey());
    }

    private static int product(int c, int d) {
        int low = Math.min(c, d);
        int high = Math.max(c, d);
        return low * USER_COLUMNS - low * (low - 1) / 2 + (high - low);
    }

    /**
     * The whole counts, for a store's encoding: cut-off, requests, fallbacks, items, users, users with interleaved
     * requests, then the counts.
     */
    public long[] longs() {
        long[] longs = new long[HEADER + counts.length];
        longs[0] = cutOff;
        longs[1] = requests;
        longs[2] = fallbacks;
        longs[3] = distinctItems;
        longs[4] = users;
        longs[5] = interleavedUsers;
        System.arraycopy(counts, 0, longs, HEADER, counts.length);
        return longs;
    }

    /** The sums, for a store's encoding: the increment sums, the per-user sums, then the cross-products. */
    public double[] doubles() {
        double[] doubles = new double[sums.length + USER_COLUMNS + PRODUCTS];
        System.arraycopy(sums, 0, doubles, 0, sums.length);
        System.arraycopy(userSums, 0, doubles, sums.length, USER_COLUMNS);
        System.arraycopy(products, 0, doubles, sums.length + USER_COLUMNS, PRODUCTS);
        return doubles;
    }

    /** The latency bucket counts that are not zero, by bucket. */
    public Map<Integer, Long> latencyBuckets() {
        return Map.copyOf(latency);
    }

    /** A cell from its encoding ({@link #longs()}, {@link #doubles()}, {@link #latencyBuckets()}). */
    public static CellSums of(long[] longs, double[] doubles, Map<Integer, Long> latencyBuckets) {
        CellSums cell = new CellSums();
        if (longs.length != HEADER + cell.counts.length
                || doubles.length != cell.sums.length + USER_COLUMNS + PRODUCTS) {
            throw new InvalidFieldException("cell", "has " + longs.length + " counts and " + doubles.length
                    + " sums");
        }
        cell.cutOff = (int) longs[0];
        cell.requests = longs[1];
        cell.fallbacks = longs[2];
        cell.distinctItems = longs[3];
        cell.users = longs[4];
        cell.interleavedUsers = longs[5];
        System.arraycopy(longs, HEADER, cell.counts, 0, cell.counts.length);
        System.arraycopy(doubles, 0, cell.sums, 0, cell.sums.length);
        System.arraycopy(doubles, cell.sums.length, cell.userSums, 0, USER_COLUMNS);
        System.arraycopy(doubles, cell.sums.length + USER_COLUMNS, cell.products, 0, PRODUCTS);
        cell.latency.putAll(latencyBuckets);
        return cell;
    }
}
