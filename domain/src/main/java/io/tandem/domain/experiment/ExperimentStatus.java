package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;

import java.util.Locale;

/**
 * Where an experiment stands. It moves one way only: draft, then running, then stopped. A stopped experiment
 * is never restarted (its users would come back to a different history); a new one is created instead.
 */
public enum ExperimentStatus {
    DRAFT,
    RUNNING,
    STOPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the one allowed step from this status. */
    public boolean canMoveTo(ExperimentStatus next) {
        return (this == DRAFT && next == RUNNING) || (this == RUNNING && next == STOPPED);
    }

    /** Parses a wire name, case-insensitive, naming {@code field} when it is not one. */
    public static ExperimentStatus fromWireName(String field, String text) {
        String value = InvalidFieldException.requireText(field, text);
        for (ExperimentStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw new InvalidFieldException(field, "'" + value + "' is not one of draft, running, stopped");
    }
}
