package io.tandem.application.access.port.in;

/** Revokes a key at once on this instance (and within the authentication cache's lifetime on others). */
@FunctionalInterface
public interface RevokeApiKeyUseCase {

    /** Whether the key exists (it is revoked afterwards either way). */
    boolean revoke(RevokeApiKeyCommand command);
}
