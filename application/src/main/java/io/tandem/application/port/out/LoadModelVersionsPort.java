package io.tandem.application.port.out;

import io.tandem.domain.model.ModelVersion;

import java.util.List;
import java.util.Optional;

/** Reads model versions from the registry. */
public interface LoadModelVersionsPort {

    Optional<ModelVersion> loadVersion(String name, String version);

    /** Every version of the model, most recently registered first; empty for an unknown model. */
    List<ModelVersion> loadVersions(String name);
}
