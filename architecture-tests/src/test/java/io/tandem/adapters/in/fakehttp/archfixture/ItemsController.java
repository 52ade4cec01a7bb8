package io.tandem.adapters.in.fakehttp.archfixture;

import io.micronaut.http.annotation.Controller;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;

/** Conforming fixture: an inbound adapter may be framework code, as long as it does not wire itself. */
@Controller("/items")
public final class ItemsController {

    private final RankItemsUseCase rankItems;

    public ItemsController(RankItemsUseCase rankItems) {
        this.rankItems = rankItems;
    }
}
