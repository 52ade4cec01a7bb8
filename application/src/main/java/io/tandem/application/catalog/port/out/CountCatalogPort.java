package io.tandem.application.catalog.port.out;

/** Counts what the catalog holds, for operators and import checks. */
public interface CountCatalogPort {

    long countItems();

    long countUsers();
}
