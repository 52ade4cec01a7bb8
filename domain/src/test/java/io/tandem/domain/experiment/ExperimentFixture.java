package io.tandem.domain.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds valid draft experiments for tests: "ab-1", 50/50 champion against the fallback, on every surface. */
public final class ExperimentFixture {

    public static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

    private String name = "ab-1";
    private Optional<String> salt = Optional.empty();
    private Optional<String> surface = Optional.empty();
    private List<Variant> variants = new ArrayList<>(List.of(
            Variant.of("a", 0.5, VariantModel.champion()),
            Variant.of("b", 0.5, VariantModel.ruleBasedFallback())));
    private OptionalDouble holdout = OptionalDouble.empty();

    public static ExperimentFixture anExperiment() {
        return new ExperimentFixture();
    }

    public ExperimentFixture named(String experimentName) {
        this.name = experimentName;
        return this;
    }

    public ExperimentFixture salt(String experimentSalt) {
        this.salt = Optional.of(experimentSalt);
        return this;
    }

    public ExperimentFixture on(String experimentSurface) {
        this.surface = Optional.of(experimentSurface);
        return this;
    }

    public ExperimentFixture variants(Variant... experimentVariants) {
        this.variants = List.of(experimentVariants);
        return this;
    }

    public ExperimentFixture holdout(double share) {
        this.holdout = OptionalDouble.of(share);
        return this;
    }

    public Experiment draft() {
        return Experiment.draft(name, salt, surface, variants, holdout);
    }

    public Experiment running() {
        return draft().start(START, List.of());
    }
}
