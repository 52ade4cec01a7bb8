package io.tandem.adapters.out.memory;

import io.tandem.application.catalog.port.out.CatalogStoreContract;

/** The catalog contract on the in-memory adapter. */
class InMemoryCatalogAdapterTest extends CatalogStoreContract {

    @Override
    protected Catalog emptyCatalog() {
        return Catalog.of(new InMemoryCatalogAdapter());
    }
}
