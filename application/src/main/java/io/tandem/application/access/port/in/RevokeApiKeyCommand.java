package io.tandem.application.access.port.in;

import io.tandem.domain.access.ApiKeyId;

/** Which key to revoke, by its public id. */
public record RevokeApiKeyCommand(String id) {

    public RevokeApiKeyCommand {
        id = ApiKeyId.require("id", id);
    }

    public ApiKeyId keyId() {
        return new ApiKeyId(id);
    }
}
