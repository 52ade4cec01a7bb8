package io.tandem.domain.model;

import java.util.Objects;

/** The registry has no model of that name, or no such version of it; names the field the caller gave. */
public final class ModelNotFoundException extends RuntimeException {

    private final String field;

    private ModelNotFoundException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public static ModelNotFoundException unknownModel(String name) {
        return new ModelNotFoundException("name", "no model '" + name + "' in the registry");
    }

    public static ModelNotFoundException unknownVersion(String name, String version) {
        return new ModelNotFoundException("version", "model '" + name + "' has no version '" + version + "'");
    }

    /** {@code name} or {@code version}. */
    public String field() {
        return field;
    }
}
