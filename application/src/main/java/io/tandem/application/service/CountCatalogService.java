package io.tandem.application.service;

import io.tandem.application.port.in.CatalogCounts;
import io.tandem.application.port.in.CountCatalogQuery;
import io.tandem.application.port.in.CountCatalogUseCase;
import io.tandem.application.port.out.CountCatalogPort;

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
