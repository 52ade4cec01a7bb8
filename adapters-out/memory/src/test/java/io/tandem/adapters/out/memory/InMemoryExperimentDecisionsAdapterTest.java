package io.tandem.adapters.out.memory;

import io.tandem.application.registry.port.out.ExperimentDecisionStoreContract;

/** The experiment-decision store's contract on the in-memory adapter. */
class InMemoryExperimentDecisionsAdapterTest extends ExperimentDecisionStoreContract {

    @Override
    protected Store emptyStore() {
        return Store.of(new InMemoryExperimentDecisionsAdapter());
    }
}
