package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.OnlineMetricsStoreContract;

/** The online-metric store's contract on the in-memory adapter. */
class InMemoryOnlineMetricsAdapterTest extends OnlineMetricsStoreContract {

    @Override
    protected Store emptyStore() {
        return Store.of(new InMemoryOnlineMetricsAdapter());
    }
}
