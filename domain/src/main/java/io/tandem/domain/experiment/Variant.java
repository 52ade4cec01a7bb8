package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * One arm of an experiment: its name, the share of the experiment's (non-holdout) users it gets, what it serves
 * and how.
 *
 * @param share a number in (0, 1]; the shares of an experiment's variants sum to 1
 */
public record Variant(String name, double share, VariantModel model, ServingOptions options) {

    public Variant {
        name = ExperimentNames.canonical("variant.name", name);
        if (Assignment.HOLDOUT.equals(name)) {
            throw new InvalidFieldException("variant.name", "'" + Assignment.HOLDOUT + "' names the holdout group");
        }
        if (!(share > 0 && share <= 1)) {
            throw new InvalidFieldException("variant.share", "must be above 0 and at most 1, got " + share);
        }
        if (model == null) {
            throw new InvalidFieldException("variant.model", "is required (the champion, a version or the fallback)");
        }
        Objects.requireNonNull(options, "options");
    }

    /** A variant with the instance's serving options. */
    public static Variant of(String name, double share, VariantModel model) {
        return new Variant(name, share, model, ServingOptions.DEFAULTS);
    }
}
