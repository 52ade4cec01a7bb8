package io.tandem.application.catalog.port.in;

import io.tandem.domain.catalog.Item;

import java.util.Optional;

/** Reads one catalog item. */
@FunctionalInterface
public interface FindItemUseCase {

    Optional<Item> find(FindItemQuery query);
}
