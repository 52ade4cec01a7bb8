package io.tandem.application.catalog;

import io.tandem.application.catalog.port.in.FindUserQuery;
import io.tandem.application.catalog.port.in.FindUserUseCase;
import io.tandem.application.catalog.port.out.LoadUserPort;
import io.tandem.domain.catalog.User;

import java.util.Objects;
import java.util.Optional;

/** Reads one user as stored. */
public final class FindUserService implements FindUserUseCase {

    private final LoadUserPort loadUser;

    public FindUserService(LoadUserPort loadUser) {
        this.loadUser = Objects.requireNonNull(loadUser, "loadUser");
    }

    @Override
    public Optional<User> find(FindUserQuery query) {
        return loadUser.loadUser(query.user());
    }
}
