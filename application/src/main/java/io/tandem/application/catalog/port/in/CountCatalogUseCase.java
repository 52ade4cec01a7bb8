package io.tandem.application.catalog.port.in;

/** Counts the items and users in the catalog. */
@FunctionalInterface
public interface CountCatalogUseCase {

    CatalogCounts count(CountCatalogQuery query);
}
