package io.tandem.domain.model;

import java.util.Objects;

/**
 * The request is valid but the registry's state refuses it: the version exists already, the kind differs
 * from the model's, or there is no previous champion to roll back to. Names the field at issue.
 */
public final class ModelConflictException extends RuntimeException {

    private final String field;

    public ModelConflictException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public static ModelConflictException noPreviousChampion(String name) {
        return new ModelConflictException("name", "model '" + name + "' has no previous champion to roll back to");
    }

    public String field() {
        return field;
    }
}
