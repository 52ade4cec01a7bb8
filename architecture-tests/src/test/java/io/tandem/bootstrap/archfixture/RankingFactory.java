package io.tandem.bootstrap.archfixture;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.fakememory.archfixture.InMemoryItemsAdapter;
import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;
import io.tandem.application.fakeranking.archfixture.RankItemsService;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;

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
