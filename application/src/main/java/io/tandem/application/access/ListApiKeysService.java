package io.tandem.application.access;

import io.tandem.application.access.port.in.ListApiKeysUseCase;
import io.tandem.application.access.port.out.ListApiKeysPort;
import io.tandem.domain.access.ApiKey;

import java.util.List;
import java.util.Objects;

/** Lists every stored API key, revoked ones too, oldest first. */
public final class ListApiKeysService implements ListApiKeysUseCase {

    private final ListApiKeysPort listing;

    public ListApiKeysService(ListApiKeysPort listing) {
        this.listing = Objects.requireNonNull(listing, "listing");
    }

    @Override
    public List<ApiKey> list() {
        return listing.listApiKeys();
    }
}
