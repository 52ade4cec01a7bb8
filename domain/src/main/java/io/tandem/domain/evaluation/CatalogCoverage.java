package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;

import java.util.BitSet;

/** Catalogue coverage: the share of the catalogue recommended (within the top k) to at least one user. */
public final class CatalogCoverage {

    public static final String NAME = "coverage";

    private final int catalogSize;
    private final int k;
    private final BitSet recommended = new BitSet();

    public CatalogCoverage(int catalogSize, int k) {
        if (catalogSize < 1) {
            throw new InvalidFieldException("catalogSize", "must be 1 or more");
        }
        this.catalogSize = catalogSize;
        this.k = RankingMetric.requireCutOff(k);
    }

    /** Notes the first {@code k} items of one user's list. */
    public void add(int[] ranking) {
        for (int position = 0; position < Math.min(k, ranking.length); position++) {
            recommended.set(ranking[position]);
        }
    }

    public double value() {
        return (double) recommended.cardinality() / catalogSize;
    }
}
