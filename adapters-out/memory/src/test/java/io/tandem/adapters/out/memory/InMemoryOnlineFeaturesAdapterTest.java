package io.tandem.adapters.out.memory;

import io.tandem.application.feature.port.out.OnlineFeatureStoreContract;

import java.time.Duration;

/** The online feature store contract on the in-memory adapter. */
class InMemoryOnlineFeaturesAdapterTest extends OnlineFeatureStoreContract {

    @Override
    protected Store emptyStore(Duration halfLife, int cap) {
        return Store.of(new InMemoryOnlineFeaturesAdapter(halfLife, cap));
    }
}
