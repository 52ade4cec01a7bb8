package io.tandem.application.access.port.in;

import io.tandem.domain.access.ApiKey;

import java.util.List;

/** Lists every key, revoked ones too, oldest first; callers show them without their hashes. */
@FunctionalInterface
public interface ListApiKeysUseCase {

    List<ApiKey> list();
}
