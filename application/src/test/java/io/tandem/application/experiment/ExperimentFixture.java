package io.tandem.application.experiment;

import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Experiments for tests: plain two-way drafts, and one that uses every optional field. */
public final class ExperimentFixture {

    private ExperimentFixture() {
    }

    /** A 50/50 draft of variants {@code a} (the champion) and {@code b} (the fallback) on every surface. */
    public static Experiment draft(String name) {
        return draft(name, Optional.empty());
    }

    /** A 50/50 draft of variants {@code a} (the champion) and {@code b} (the fallback) on {@code surface}. */
    public static Experiment draft(String name, Optional<String> surface) {
        return Experiment.draft(name, Optional.empty(), surface, List.of(
                Variant.of("a", 0.5, VariantModel.champion()), Variant.of("b", 0.5, VariantModel.ruleBasedFallback())),
                OptionalDouble.empty());
    }

    /**
     * A draft with a salt, a surface, a holdout and three variants, one of each model kind, with and without
     * serving options, and shares that are not round numbers.
     */
    public static Experiment full(String name) {
        return Experiment.draft(name, Optional.of("salt-2026"), Optional.of("home"), List.of(
                Variant.of("control", 1 / 3.0, VariantModel.champion()),
                new Variant("pinned", 1 / 3.0, VariantModel.version("two-stage", "v20261207-1"),
                        new ServingOptions(OptionalDouble.of(0.25), OptionalInt.of(2), OptionalInt.of(150))),
                new Variant("rules", 1 / 3.0, VariantModel.ruleBasedFallback(),
                        new ServingOptions(OptionalDouble.empty(), OptionalInt.of(0), OptionalInt.empty()))),
                OptionalDouble.of(0.1));
    }
}
