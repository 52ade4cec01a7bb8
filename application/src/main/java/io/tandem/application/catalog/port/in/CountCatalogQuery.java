package io.tandem.application.catalog.port.in;

/** Asks for the catalog's size; carries nothing, but keeps the one-query-per-use-case shape. */
public record CountCatalogQuery() {
}
