package io.tandem.adapters.in.http;

import io.tandem.domain.InvalidFieldException;

/** The request body, or one member of it, does not have the JSON shape the API expects. */
final class MalformedBodyException extends InvalidFieldException {

    private final String detail;

    MalformedBodyException(String field, String detail) {
        super(field, detail);
        this.detail = detail;
    }

    @Override
    public String getMessage() {
        return detail;
    }

    @Override
    public String reason() {
        return detail;
    }
}
