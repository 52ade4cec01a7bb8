package io.tandem.application.port.out;

/** Counts what the catalog holds, for operators and import checks. */
public interface CountCatalogPort {

    long countItems();

    long countUsers();
}
