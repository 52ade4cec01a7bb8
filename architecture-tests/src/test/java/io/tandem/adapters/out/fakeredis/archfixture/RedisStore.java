package io.tandem.adapters.out.fakeredis.archfixture;

import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;
import io.tandem.domain.fakecatalog.archfixture.Item;
import java.util.List;

/** Violating fixture: implements an outbound port without the Adapter suffix. */
public final class RedisStore implements LoadItemsPort {

    @Override
    public List<Item> loadItems(int limit) {
        return List.of();
    }
}
