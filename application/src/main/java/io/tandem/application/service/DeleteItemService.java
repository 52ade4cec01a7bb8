package io.tandem.application.service;

import io.tandem.application.port.in.DeleteItemCommand;
import io.tandem.application.port.in.DeleteItemUseCase;
import io.tandem.application.port.out.DeleteItemPort;

import java.util.Objects;

/** Removes an item from the catalog, so that it is served no more. */
public final class DeleteItemService implements DeleteItemUseCase {

    private final DeleteItemPort deleteItem;

    public DeleteItemService(DeleteItemPort deleteItem) {
        this.deleteItem = Objects.requireNonNull(deleteItem, "deleteItem");
    }

    @Override
    public boolean delete(DeleteItemCommand command) {
        return deleteItem.deleteItem(command.item());
    }
}
