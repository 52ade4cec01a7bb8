package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.User;

import java.util.List;

/** Creates or replaces users. */
@FunctionalInterface
public interface SaveUsersPort {

    void saveUsers(List<User> users);
}
