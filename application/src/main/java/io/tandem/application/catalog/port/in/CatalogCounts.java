package io.tandem.application.catalog.port.in;

/** How many items and users the catalog holds. */
public record CatalogCounts(long items, long users) {
}
