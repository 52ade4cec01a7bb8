package io.tandem.adapters.out.fakememory.archfixture;

import io.micronaut.context.annotation.Factory;

/** Violating fixture: an adapter module wiring itself instead of leaving it to bootstrap. */
@Factory
public class InMemoryItemsFactory {
}
