package io.tandem.application.catalog.port.in;

/** Creates or replaces users. */
@FunctionalInterface
public interface UpsertUsersUseCase {

    void upsert(UpsertUsersCommand command);
}
