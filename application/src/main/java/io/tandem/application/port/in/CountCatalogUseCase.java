package io.tandem.application.port.in;

/** Counts the items and users in the catalog. */
@FunctionalInterface
public interface CountCatalogUseCase {

    CatalogCounts count(CountCatalogQuery query);
}
