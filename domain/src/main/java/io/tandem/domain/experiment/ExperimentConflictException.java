package io.tandem.domain.experiment;

import java.util.Objects;

/**
 * The request is well formed but the experiments' state refuses it: a transition that is not allowed (stopping
 * a stopped experiment) or a second running experiment on the same surface. Names the field at issue.
 */
public final class ExperimentConflictException extends RuntimeException {

    private final String field;

    public ExperimentConflictException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
