package io.tandem.adapters.out.redis;

import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;

import java.time.Duration;

/** The seen-items contract on the embedded online store. */
class InMemorySeenItemsTest extends SeenItemsContract {

    @Override
    Store store() {
        return Store.of(new InMemoryOnlineFeaturesAdapter(Duration.ofHours(1), CAP));
    }
}
