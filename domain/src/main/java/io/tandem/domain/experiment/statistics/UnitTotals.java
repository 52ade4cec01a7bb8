package io.tandem.domain.experiment.statistics;

import io.tandem.domain.InvalidFieldException;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Running per-unit totals of a few columns (impressions, clicks, purchases, value, ...) with the sums and
 * cross-products the delta method needs, kept up to date on every change so that a look at the data costs
 * O(1) however many units there are. A unit's totals may go up or down (an event re-attributed).
 *
 * @param <K> the unit's key, for example a user id
 */
public final class UnitTotals<K> {

    private final int columns;
    private final Map<K, double[]> totals = new HashMap<>();
    private final double[] sums;
    private final double[] products;

    public UnitTotals(int columns) {
        if (columns < 1) {
            throw new InvalidFieldException("columns", "must be 1 or more");
        }
        this.columns = columns;
        this.sums = new double[columns];
        this.products = new double[columns * columns];
    }

    /** Counts {@code unit} as seen, with zero totals when it is new. */
    public void touch(K unit) {
        totals.computeIfAbsent(Objects.requireNonNull(unit, "unit"), key -> new double[columns]);
    }

    /** Adds {@code deltas} (one per column) to the totals of {@code unit}, which is counted as seen. */
    public void add(K unit, double... deltas) {
        if (deltas.length != columns) {
            throw new InvalidFieldException("deltas", "expected " + columns + " values, got " + deltas.length);
        }
        double[] row = totals.computeIfAbsent(Objects.requireNonNull(unit, "unit"), key -> new double[columns]);
        for (int c = 0; c < columns; c++) {
            for (int d = c; d < columns; d++) {
                double before = row[c] * row[d];
                double after = (row[c] + deltas[c]) * (row[d] + deltas[d]);
                products[c * columns + d] += after - before;
            }
        }
        for (int c = 0; c < columns; c++) {
            row[c] += deltas[c];
            sums[c] += deltas[c];
        }
    }

    public long units() {
        return totals.size();
    }

    /** The sum of {@code column} over every unit. */
    public double total(int column) {
        return sums[requireColumn(column)];
    }

    /** The per-unit sums of the ratio {@code Σ numerator / Σ denominator}. */
    public RatioSums ratio(int numerator, int denominator) {
        int y = requireColumn(numerator);
        int x = requireColumn(denominator);
        return new RatioSums(totals.size(), sums[x], sums[y], product(x, x), product(y, y), product(x, y));
    }

    private double product(int c, int d) {
        return c <= d ? products[c * columns + d] : products[d * columns + c];
    }

    private int requireColumn(int column) {
        if (column < 0 || column >= columns) {
            throw new InvalidFieldException("column", "must lie in [0, " + columns + "), got " + column);
        }
        return column;
    }
}
