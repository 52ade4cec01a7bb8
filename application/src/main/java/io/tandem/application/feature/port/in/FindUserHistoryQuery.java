package io.tandem.application.feature.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.UserId;

import java.util.Objects;

/** Whose recent history to read, and at most how many items of it. */
public record FindUserHistoryQuery(UserId user, int limit) {

    public static final int MAX_LIMIT = 500;

    public FindUserHistoryQuery {
        Objects.requireNonNull(user, "user");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
