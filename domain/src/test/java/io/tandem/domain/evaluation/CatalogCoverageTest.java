package io.tandem.domain.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CatalogCoverageTest {

    @Test
    void sharesOfTheCatalogueRecommendedWithinKToAnyone() {
        // Catalogue of 10 items, k = 2. User lists [1, 2, 3] and [2, 5]: within k, {1, 2} and {2, 5}.
        // Distinct {1, 2, 5} -> 3 / 10 = 0.3 (item 3 sits below the cut-off).
        CatalogCoverage coverage = new CatalogCoverage(10, 2);
        coverage.add(new int[] {1, 2, 3});
        coverage.add(new int[] {2, 5});

        assertThat(coverage.value()).isCloseTo(0.3, within(1e-12));
    }
}
