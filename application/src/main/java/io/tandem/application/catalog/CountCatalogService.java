package io.tandem.application.catalog;

import io.tandem.application.catalog.port.in.CatalogCounts;
import io.tandem.application.catalog.port.in.CountCatalogQuery;
import io.tandem.application.catalog.port.in.CountCatalogUseCase;
import io.tandem.application.catalog.port.out.CountCatalogPort;

import java.util.Objects;

/** How many items and users the catalog holds. */
public final class CountCatalogService implements CountCatalogUseCase {

    private final CountCatalogPort countCatalog;

    public CountCatalogService(CountCatalogPort countCatalog) {
        this.countCatalog = Objects.requireNonNull(countCatalog, "countCatalog");
    }

    @Override
    public CatalogCounts count(CountCatalogQuery query) {
        return new CatalogCounts(countCatalog.countItems(), countCatalog.countUsers());
    }
}
