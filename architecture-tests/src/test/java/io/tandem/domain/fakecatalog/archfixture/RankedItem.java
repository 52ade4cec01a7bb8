package io.tandem.domain.fakecatalog.archfixture;

import io.tandem.domain.fakeranking.archfixture.Ranking;

/** Violating fixture: points back at the ranking slice, which already depends on this one. */
public record RankedItem(Item item, Ranking ranking) {
}
