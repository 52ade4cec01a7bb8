package io.tandem.application.registry.port.out;

import java.net.URI;

/** Reads a model artifact back by the URI that {@link StoreModelArtifactPort#store} returned. */
@FunctionalInterface
public interface LoadModelArtifactPort {

    /**
     * @throws io.tandem.domain.InvalidFieldException naming {@code artifactUri} when the URI is not one of this
     *                                               store's artifacts
     * @throws java.io.UncheckedIOException         when the artifact cannot be read
     */
    byte[] load(URI artifactUri);
}
