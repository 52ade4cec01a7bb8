package io.tandem.application.registry.port.out;

import io.tandem.domain.model.ArtifactKey;

import java.net.URI;

/**
 * Writes one file of a model version to the artifact store at {@code models/<name>/<version>/<file>}; the
 * file appears whole or not at all, and writing the same key again replaces it.
 */
@FunctionalInterface
public interface StoreModelArtifactPort {

    /** @return where the file now lies, the URI to record in the model version */
    URI store(ArtifactKey key, byte[] content);
}
