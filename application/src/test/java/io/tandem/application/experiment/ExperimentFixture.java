package io.tandem.application.experiment;

import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;

/**
 * Experiments for tests: plain two-way drafts, one that uses every optional field, and a registry that holds a few
 * versions for the creation checks.
 */
public final class ExperimentFixture {

    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

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
     * serving options, shares that are not round numbers, and automatic promotion of the pinned challenger.
     */
    public static Experiment full(String name) {
        return Experiment.draft(name, Optional.of("salt-2026"), Optional.of("home"), List.of(
                Variant.of("control", 1 / 3.0, VariantModel.champion()),
                new Variant("pinned", 1 / 3.0, VariantModel.version("two-stage", "v20261207-1"),
                        new ServingOptions(OptionalDouble.of(0.25), OptionalInt.of(2), OptionalInt.of(150))),
                new Variant("rules", 1 / 3.0, VariantModel.ruleBasedFallback(),
                        new ServingOptions(OptionalDouble.empty(), OptionalInt.of(0), OptionalInt.empty()))),
                OptionalDouble.of(0.1), true);
    }

    /** An interleaving draft of {@code a} (the champion) against {@code b} (a pinned version) on {@code home}. */
    public static Experiment interleaving(String name) {
        return Experiment.draft(name, Optional.empty(), Optional.of("home"), List.of(
                Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("b", 0.5, VariantModel.version("two-stage", "v20261207-1"))),
                OptionalDouble.empty(), false, ExperimentDesign.INTERLEAVING);
    }

    /** A registry holding {@code versions} of {@code model} and nothing else; it answers only the existence checks. */
    public static LoadModelVersionsPort registry(String model, String... versions) {
        Map<String, Set<String>> known = Map.of(model, Set.of(versions));
        return new LoadModelVersionsPort() {
            @Override
            public Optional<ModelVersion> loadVersion(String name, String version) {
                return known.getOrDefault(name, Set.of()).contains(version) ? Optional.of(version(name, version))
                        : Optional.empty();
            }

            @Override
            public List<ModelVersion> loadVersions(String name) {
                return known.getOrDefault(name, Set.of()).stream().sorted().map(v -> version(name, v)).toList();
            }

            @Override
            public Optional<ModelVersion> loadPreviousChampion(String name) {
                throw new UnsupportedOperationException("not asked when experiments are created");
            }
        };
    }

    private static ModelVersion version(String name, String version) {
        return aVersion(name, version).retriever().holdOut("temporal").ndcg(0.3)
                .artifact("file:///tmp/models/" + name + "/" + version)
                .window(new TrainingWindow(CREATED.minusSeconds(86_400), CREATED)).createdAt(CREATED).build();
    }
}
