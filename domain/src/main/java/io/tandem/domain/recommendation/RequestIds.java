package io.tandem.domain.recommendation;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.attribution.ServedList;

/**
 * The rule for a request id a caller chooses: a canonical id (ADR-0019) of at most {@value #MAX_LENGTH} characters,
 * so that follow-up events can quote it in {@code context.requestId} and a served list can be recorded under it.
 */
public final class RequestIds {

    public static final int MAX_LENGTH = ServedList.MAX_REQUEST_ID_LENGTH;

    private RequestIds() {
    }

    /** Returns {@code value} unchanged, or fails naming {@code field}. */
    public static String require(String field, String value) {
        CanonicalText.requireId(field, value);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "is longer than " + MAX_LENGTH + " characters");
        }
        return value;
    }
}
