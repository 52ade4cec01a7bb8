package io.tandem.application.port.in;

/** How many items and users the catalog holds. */
public record CatalogCounts(long items, long users) {
}
