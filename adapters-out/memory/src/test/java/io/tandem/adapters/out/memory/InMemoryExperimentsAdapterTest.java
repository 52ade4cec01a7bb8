package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.ExperimentStoreContract;

/** The experiment store's contract on the in-memory adapter. */
class InMemoryExperimentsAdapterTest extends ExperimentStoreContract {

    @Override
    protected Store emptyStore() {
        return Store.of(new InMemoryExperimentsAdapter());
    }
}
