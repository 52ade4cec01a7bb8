package io.tandem.application.catalog;

import io.tandem.application.catalog.port.in.FindItemQuery;
import io.tandem.application.catalog.port.in.FindItemUseCase;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.domain.catalog.Item;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads one catalog item as stored. */
public final class FindItemService implements FindItemUseCase {

    private final LoadItemsPort loadItems;

    public FindItemService(LoadItemsPort loadItems) {
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
    }

    @Override
    public Optional<Item> find(FindItemQuery query) {
        return Optional.ofNullable(loadItems.loadItems(List.of(query.item())).get(query.item()));
    }
}
