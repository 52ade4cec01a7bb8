package io.tandem.adapters.out.memory;

import io.tandem.application.jobs.port.out.JobStoreContract;

/** The job store contract on the in-memory adapter. */
class InMemoryJobsAdapterTest extends JobStoreContract {

    @Override
    protected Jobs emptyStore() {
        return Jobs.of(new InMemoryJobsAdapter());
    }
}
