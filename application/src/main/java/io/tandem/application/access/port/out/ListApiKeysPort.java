package io.tandem.application.access.port.out;

import io.tandem.domain.access.ApiKey;

import java.util.List;

/** Every stored key, revoked ones too, oldest first (ties by id). */
@FunctionalInterface
public interface ListApiKeysPort {

    List<ApiKey> listApiKeys();
}
