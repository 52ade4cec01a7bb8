package io.tandem.adapters.out.fakememory.archfixture;

import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;
import io.tandem.domain.fakecatalog.archfixture.Item;
import java.util.List;

/** Conforming fixture: an outbound adapter named after its technology and purpose. */
public final class InMemoryItemsAdapter implements LoadItemsPort {

    @Override
    public List<Item> loadItems(int limit) {
        return List.of();
    }
}
