package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem body. {@code field} names the offending input (a query parameter, a JSON member such
 * as {@code events[3].type}, or {@code body} for the whole request); {@code errors} lists every problem
 * when there is more than one.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tandem.io/problems/";

    static Problem of(int status, String title, String slug, String field, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, field, null);
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, field, List.copyOf(fieldErrors));
    }

    /** One problem of several, with the batch index when it concerns one record of a batch. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldError(Integer index, String field, String message) {
    }
}
