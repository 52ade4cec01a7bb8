package io.tandem.adapters.in.fakehttp.archfixture;

import io.micronaut.http.annotation.Controller;
import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;

/** Violating fixture: an inbound adapter reading through an outbound port instead of calling a use case. */
@Controller("/items-direct")
public final class ItemsPortController {

    private final LoadItemsPort loadItems;

    public ItemsPortController(LoadItemsPort loadItems) {
        this.loadItems = loadItems;
    }
}
