package io.tandem.domain.fakeranking.archfixture;

import io.tandem.domain.fakecatalog.archfixture.Item;
import java.util.List;

/** Conforming fixture: depends on another domain slice in one direction only. */
public record Ranking(List<Item> items) {
}
