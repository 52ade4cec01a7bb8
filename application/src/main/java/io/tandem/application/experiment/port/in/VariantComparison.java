package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One challenger against the control at one look (ADR-0025): ship, stop or keep running, and why.
 *
 * @param difference the primary metric, challenger minus control, with its delta-method variance; empty when no
 *                   look could be taken (too few users, a group without served lists, a sample-ratio mismatch, a
 *                   broken guardrail)
 * @param test       the always-valid test after this look: its p-value, interval of plausible differences and looks
 */
public record VariantComparison(String control, String challenger, Verdict verdict, List<String> reasons,
                                Optional<Estimate> difference, SequentialTest test) {

    public VariantComparison {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(challenger, "challenger");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(test, "test");
    }
}
