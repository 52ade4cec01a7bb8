package io.tandem.domain.access;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a key may do, and the route classes that rate limits count separately: {@code ingest} (events, catalog
 * writes), {@code serve} (recommendations, similar items, rankings, catalog reads), {@code admin} (models, jobs,
 * experiments, keys).
 */
public enum Scope {
    INGEST, SERVE, ADMIN;

    /** The scope as users write it: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a scope exactly as {@link #label()} writes it (ADR-0019: never trimmed or case-folded). */
    public static Scope parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidFieldException(field, "is required");
        }
        for (Scope scope : values()) {
            if (scope.label().equals(text)) {
                return scope;
            }
        }
        throw new InvalidFieldException(field, "unknown scope; one of " + Arrays.stream(values()).map(Scope::label)
                .collect(Collectors.joining(", ")));
    }
}
