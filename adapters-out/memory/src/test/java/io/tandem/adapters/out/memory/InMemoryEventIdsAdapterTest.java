package io.tandem.adapters.out.memory;

import io.tandem.application.ingestion.port.out.ClaimEventIdsContract;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;

/** The event-id claims contract on the in-memory adapter. */
class InMemoryEventIdsAdapterTest extends ClaimEventIdsContract {

    @Override
    protected ClaimEventIdsPort emptyStore() {
        return new InMemoryEventIdsAdapter();
    }
}
