package io.tandem.application.fakeranking.port.in.archfixture;

/** Conforming fixture: a query record beside its use case. */
public record RankItemsQuery(int limit) {
}
