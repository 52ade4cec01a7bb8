package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the per-user metric values of one model on one fold and averages them over the users evaluated,
 * with the fold's catalogue coverage. Users must be added in a fixed order for bit-identical sums.
 */
public final class FoldScores {

    private final MetricSuite suite;
    private final CatalogCoverage coverage;
    private final double[] sums;
    private int users;

    public FoldScores(MetricSuite suite, int catalogSize) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.coverage = new CatalogCoverage(catalogSize, suite.k());
        this.sums = new double[suite.names().size()];
    }

    /** Adds one user: the values {@link MetricSuite#measure} returned and the user's top items. */
    public void add(double[] values, int[] top) {
        if (values.length != sums.length) {
            throw new InvalidFieldException("values", "expected " + sums.length + " metric values");
        }
        for (int m = 0; m < sums.length; m++) {
            sums[m] += values[m];
        }
        coverage.add(top);
        users++;
    }

    public int users() {
        return users;
    }

    /** Each metric's mean over the users added, then {@value CatalogCoverage#NAME}; NaN means when none was. */
    public Map<String, Double> means() {
        Map<String, Double> means = new LinkedHashMap<>();
        List<String> names = suite.names();
        for (int m = 0; m < names.size(); m++) {
            means.put(names.get(m), users == 0 ? Double.NaN : sums[m] / users);
        }
        means.put(CatalogCoverage.NAME, coverage.value());
        return means;
    }
}
