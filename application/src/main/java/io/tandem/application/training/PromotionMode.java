package io.tandem.application.training;

import io.tandem.domain.InvalidFieldException;

import java.util.Locale;

/**
 * Who promotes a trained version that passes the offline gate ({@code tandem.training.promotion.mode}; ADR-0016,
 * ADR-0026 amended):
 * {@code offline} (the default) promotes it at once; {@code experiment} registers it as a candidate and leaves it
 * for a running or auto-promoting experiment to decide, whose decision still requires the same offline gate. The
 * first version of a model, with no champion to experiment against, is promoted in both modes.
 */
public enum PromotionMode {
    OFFLINE,
    EXPERIMENT;

    /** The setting's value, {@code offline} or {@code experiment}. */
    public static PromotionMode of(String setting) {
        for (PromotionMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(setting)) {
                return mode;
            }
        }
        throw new InvalidFieldException("tandem.training.promotion.mode", "must be 'offline' or 'experiment', got '"
                + setting + "'");
    }
}
