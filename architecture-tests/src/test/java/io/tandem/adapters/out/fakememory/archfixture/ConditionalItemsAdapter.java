package io.tandem.adapters.out.fakememory.archfixture;

import io.micronaut.context.annotation.Requires;
import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;
import io.tandem.domain.fakecatalog.archfixture.Item;
import java.util.List;

/** Violating fixture: an adapter choosing itself by configuration instead of bootstrap choosing it. */
@Requires(property = "tandem.item-store", value = "memory")
public final class ConditionalItemsAdapter implements LoadItemsPort {

    @Override
    public List<Item> loadItems(int limit) {
        return List.of();
    }
}
