package io.tandem.domain;

import java.util.Objects;

/** A value broke a domain rule; names the offending field so every input path can report it. */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(message, "message"));
        this.field = field;
    }

    /** The field as the caller named it, for example {@code userId} or {@code count}. */
    public String field() {
        return field;
    }

    /** The reason without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /**
     * Fails with a field-naming exception when {@code value} is null or blank; returns it unchanged otherwise (never
     * trimmed: a padded name must not reach the object its trimmed form names, ADR-0019).
     */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }
}
