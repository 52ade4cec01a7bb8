package io.tandem.domain.model;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.Locale;

/** What a model does in the two-stage pipeline: find candidates (retriever) or order them (ranker). */
public enum ModelKind {
    RANKER,
    RETRIEVER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name exactly (ADR-0019), naming {@code field} when it is not one. */
    public static ModelKind fromWireName(String field, String text) {
        String value = InvalidFieldException.requireText(field, text);
        for (ModelKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new InvalidFieldException(field, "'" + CanonicalText.excerpt(value) + "' is not one of ranker, retriever");
    }
}
