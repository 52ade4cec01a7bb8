package io.tandem.application.port.in;

/** Removes an item from the catalog; answers whether it was there. */
@FunctionalInterface
public interface DeleteItemUseCase {

    boolean delete(DeleteItemCommand command);
}
