package io.tandem.application.fakecatalog.port.out.archfixture;

import io.tandem.domain.fakecatalog.archfixture.Item;
import java.util.List;

/** Conforming fixture: a narrow, verb-named outbound port. */
@FunctionalInterface
public interface LoadItemsPort {

    List<Item> loadItems(int limit);
}
