package io.tandem.domain.model;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.Locale;

/**
 * Where a model version stands: a candidate was registered and not (yet) chosen, the champion serves, an
 * archived version served once or lost. Each model name has at most one champion.
 */
public enum ModelStage {
    CANDIDATE,
    CHAMPION,
    ARCHIVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name exactly (ADR-0019), naming {@code field} when it is not one. */
    public static ModelStage fromWireName(String field, String text) {
        String value = InvalidFieldException.requireText(field, text);
        for (ModelStage stage : values()) {
            if (stage.wireName().equals(value)) {
                return stage;
            }
        }
        throw new InvalidFieldException(field, "'" + CanonicalText.excerpt(value) + "' is not one of candidate, champion, archived");
    }
}
