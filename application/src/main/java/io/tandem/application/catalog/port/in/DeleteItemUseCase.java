package io.tandem.application.catalog.port.in;

/** Removes an item from the catalog; answers whether it was there. */
@FunctionalInterface
public interface DeleteItemUseCase {

    boolean delete(DeleteItemCommand command);
}
