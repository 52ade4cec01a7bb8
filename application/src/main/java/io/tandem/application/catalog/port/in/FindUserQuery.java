package io.tandem.application.catalog.port.in;

import io.tandem.domain.catalog.UserId;

import java.util.Objects;

/** Which user to read. */
public record FindUserQuery(UserId user) {

    public FindUserQuery {
        Objects.requireNonNull(user, "user");
    }
}
