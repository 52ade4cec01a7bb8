package io.tandem.adapters.out.memory;

import io.tandem.application.catalog.port.out.CatalogChangesContract;
import io.tandem.application.catalog.port.out.CatalogStoreContract.Catalog;

/** The catalog-changes contract on the in-memory adapter. */
class InMemoryCatalogChangesTest extends CatalogChangesContract {

    @Override
    protected Catalog emptyCatalog() {
        return Catalog.of(new InMemoryCatalogAdapter());
    }
}
