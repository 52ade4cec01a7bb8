package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.Variant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A new experiment, refused (naming the field) unless it makes a valid draft: names in the accepted form, 2–20
 * variants whose shares sum to 1, a holdout share strictly between 0 and 1 (ADR-0024). Whether each pinned model
 * version exists is the service's check, since only the registry knows.
 *
 * @param salt        the hash salt; the name when empty
 * @param autoPromote whether the periodic decision may promote a winning challenger without an operator; refused
 *                    under {@code autoPromote} unless a challenger pins a version
 * @param design      A/B, or interleaving (exactly two variants at 0.5, no holdout, no automatic promotion)
 */
public record CreateExperimentCommand(String name, Optional<String> salt, Optional<String> surface,
                                      List<Variant> variants, OptionalDouble holdout, boolean autoPromote,
                                      ExperimentDesign design) {

    public CreateExperimentCommand {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(holdout, "holdout");
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        Objects.requireNonNull(design, "design");
        Experiment.draft(name, salt, surface, variants, holdout, autoPromote, design);
    }

    /** An A/B experiment. */
    public CreateExperimentCommand(String name, Optional<String> salt, Optional<String> surface,
                                   List<Variant> variants, OptionalDouble holdout, boolean autoPromote) {
        this(name, salt, surface, variants, holdout, autoPromote, ExperimentDesign.AB);
    }

    /** An experiment an operator decides. */
    public CreateExperimentCommand(String name, Optional<String> salt, Optional<String> surface,
                                   List<Variant> variants, OptionalDouble holdout) {
        this(name, salt, surface, variants, holdout, false);
    }

    /** The experiment this command creates, not yet running. */
    public Experiment draft() {
        return Experiment.draft(name, salt, surface, variants, holdout, autoPromote, design);
    }
}
