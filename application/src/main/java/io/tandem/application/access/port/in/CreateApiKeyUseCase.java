package io.tandem.application.access.port.in;

/** Creates a key; its secret is returned once and only its hash is stored (ADR-0027). */
@FunctionalInterface
public interface CreateApiKeyUseCase {

    CreatedApiKey create(CreateApiKeyCommand command);
}
