package io.tandem.application.catalog.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.User;

import java.util.List;
import java.util.Objects;

/** Users to create or replace, at most {@value #MAX_USERS} at once. */
public record UpsertUsersCommand(List<User> users) {

    public static final int MAX_USERS = 10_000;

    public UpsertUsersCommand {
        users = List.copyOf(Objects.requireNonNull(users, "users"));
        if (users.size() > MAX_USERS) {
            throw new InvalidFieldException("users", "at most " + MAX_USERS + " users at once, got " + users.size());
        }
    }
}
