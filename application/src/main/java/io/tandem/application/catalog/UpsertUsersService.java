package io.tandem.application.catalog;

import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.catalog.port.out.SaveUsersPort;

import java.util.Objects;

/** Stores users as the caller describes them. */
public final class UpsertUsersService implements UpsertUsersUseCase {

    private final SaveUsersPort saveUsers;

    public UpsertUsersService(SaveUsersPort saveUsers) {
        this.saveUsers = Objects.requireNonNull(saveUsers, "saveUsers");
    }

    @Override
    public void upsert(UpsertUsersCommand command) {
        if (!command.users().isEmpty()) {
            saveUsers.saveUsers(command.users());
        }
    }
}
