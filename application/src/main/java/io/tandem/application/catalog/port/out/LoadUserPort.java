package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.util.Optional;

/** Reads one user from the catalog. */
@FunctionalInterface
public interface LoadUserPort {

    Optional<User> loadUser(UserId id);
}
