package io.tandem.application.port.in.archfixture;

/** Conforming fixture: a query record beside its use case. */
public record RankItemsQuery(int limit) {
}
