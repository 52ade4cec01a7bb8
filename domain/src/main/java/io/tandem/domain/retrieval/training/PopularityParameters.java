package io.tandem.domain.retrieval.training;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * Settings of the popularity retriever: an interaction {@code halfLifeDays} before the newest one counts half
 * ({@code Double.POSITIVE_INFINITY} for plain counts), and whether users see global popularity or popularity
 * weighted by their own categories.
 */
public record PopularityParameters(double halfLifeDays, Scope scope) {

    /** Whose popularity a user is shown. */
    public enum Scope {
        /** The same most-popular list for everyone. */
        GLOBAL,
        /** Popular items in the categories the user interacted with most. */
        USER_CATEGORIES
    }

    public PopularityParameters {
        if (!(halfLifeDays > 0)) {
            throw new InvalidFieldException("popularity.half-life-days", "must be positive (infinite for no decay)");
        }
        Objects.requireNonNull(scope, "scope");
    }

    /** Global popularity without time decay: the classic most-popular baseline. */
    public static PopularityParameters mostPopular() {
        return new PopularityParameters(Double.POSITIVE_INFINITY, Scope.GLOBAL);
    }
}
