package io.tandem.application.experiment;

import io.tandem.domain.experiment.attribution.OnlineMetrics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells compared as a store's sums give them: every count exactly, every double to within 1e-9 (sums added in
 * another order differ in their last bits).
 */
public final class OnlineMetricsAssertions {

    private static final Comparator<OnlineMetrics> ORDER = Comparator.comparing(OnlineMetrics::experiment)
            .thenComparing(OnlineMetrics::variant).thenComparing(cell -> cell.day().orElse(LocalDate.MIN));

    private OnlineMetricsAssertions() {
    }

    public static void assertSameCells(List<OnlineMetrics> actual, List<OnlineMetrics> expected) {
        assertThat(actual.stream().sorted(ORDER).toList())
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType((a, b) -> Math.abs(a - b) <= 1e-9 * Math.max(1,
                                        Math.max(Math.abs(a), Math.abs(b))) ? 0 : Double.compare(a, b), Double.class)
                                .build())
                .containsExactlyElementsOf(expected.stream().sorted(ORDER).toList());
    }
}
