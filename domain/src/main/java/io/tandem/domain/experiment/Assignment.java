package io.tandem.domain.experiment;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one unit lands in one experiment: a variant, or the holdout group when the experiment keeps one. The
 * same unit and experiment always give the same assignment (see {@link AssignmentHash}).
 *
 * @param point the unit's point in [0, 1), from which the group follows
 */
public record Assignment(String experiment, Optional<Variant> variant, double point) {

    /** The group name of units held out of every variant; no variant may take it. */
    public static final String HOLDOUT = "holdout";

    public Assignment {
        experiment = ExperimentNames.canonical("experiment", experiment);
        Objects.requireNonNull(variant, "variant");
    }

    public boolean inHoldout() {
        return variant.isEmpty();
    }

    /** The variant's name, or {@value #HOLDOUT}: the label served lists and metrics carry. */
    public String group() {
        return variant.map(Variant::name).orElse(HOLDOUT);
    }
}
