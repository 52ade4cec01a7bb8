package io.tandem.bootstrap.archfixture;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.fakememory.archfixture.InMemoryItemsAdapter;
import io.tandem.application.port.in.archfixture.RankItemsUseCase;
import io.tandem.application.port.out.archfixture.LoadItemsPort;
import io.tandem.application.service.archfixture.RankItemsService;

/** Conforming fixture: bootstrap is where @Factory and @Requires belong. */
@Factory
public class RankingFactory {

    @Requires(property = "tandem.item-store", value = "memory")
    LoadItemsPort inMemoryItems() {
        return new InMemoryItemsAdapter();
    }

    RankItemsUseCase rankItems(LoadItemsPort loadItems) {
        return new RankItemsService(loadItems);
    }
}
