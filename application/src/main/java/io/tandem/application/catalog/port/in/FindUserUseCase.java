package io.tandem.application.catalog.port.in;

import io.tandem.domain.catalog.User;

import java.util.Optional;

/** Reads one user. */
@FunctionalInterface
public interface FindUserUseCase {

    Optional<User> find(FindUserQuery query);
}
