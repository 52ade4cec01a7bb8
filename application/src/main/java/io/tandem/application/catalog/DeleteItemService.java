package io.tandem.application.catalog;

import io.tandem.application.catalog.port.in.DeleteItemCommand;
import io.tandem.application.catalog.port.in.DeleteItemUseCase;
import io.tandem.application.catalog.port.out.DeleteItemPort;

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
