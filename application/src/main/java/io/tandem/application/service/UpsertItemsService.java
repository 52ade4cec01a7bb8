package io.tandem.application.service;

import io.tandem.application.port.in.UpsertItemsCommand;
import io.tandem.application.port.in.UpsertItemsUseCase;
import io.tandem.application.port.out.SaveItemsPort;

import java.util.Objects;

/** Stores catalog items as given. */
public final class UpsertItemsService implements UpsertItemsUseCase {

    private final SaveItemsPort saveItems;

    public UpsertItemsService(SaveItemsPort saveItems) {
        this.saveItems = Objects.requireNonNull(saveItems, "saveItems");
    }

    @Override
    public void upsert(UpsertItemsCommand command) {
        if (!command.items().isEmpty()) {
            saveItems.save(command.items());
        }
    }
}
