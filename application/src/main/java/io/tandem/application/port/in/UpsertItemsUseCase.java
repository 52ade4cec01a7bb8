package io.tandem.application.port.in;

/** Creates or replaces catalog items. */
@FunctionalInterface
public interface UpsertItemsUseCase {

    void upsert(UpsertItemsCommand command);
}
