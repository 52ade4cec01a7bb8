package io.tandem.adapters.out.memory;

import io.tandem.application.access.port.out.ApiKeyStoreContract;

/** The key store's contract on the in-memory adapter. */
class InMemoryApiKeysAdapterTest extends ApiKeyStoreContract {

    @Override
    protected Store emptyStore() {
        return Store.of(new InMemoryApiKeysAdapter());
    }
}
