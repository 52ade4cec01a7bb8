package io.tandem.application.catalog.port.in;

/**
 * Creates or replaces catalog items. Each item is judged on its own: one created too far ahead of the clock is
 * refused by index, and the others are stored.
 */
@FunctionalInterface
public interface UpsertItemsUseCase {

    UpsertItemsReport upsert(UpsertItemsCommand command);
}
