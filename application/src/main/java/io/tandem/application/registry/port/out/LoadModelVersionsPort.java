package io.tandem.application.registry.port.out;

import io.tandem.domain.model.ModelVersion;

import java.util.List;
import java.util.Optional;

/** Reads model versions from the registry. */
public interface LoadModelVersionsPort {

    Optional<ModelVersion> loadVersion(String name, String version);

    /** Every version of the model, most recently registered first; empty for an unknown model. */
    List<ModelVersion> loadVersions(String name);

    /**
     * The version a rollback would make champion again now, as stored (archived): the newest earlier champion
     * other than the current one. Read before a rollback, so the version can be checked before anything changes.
     *
     * @return empty when the model is unknown, has no champion, or had none before the current one
     */
    Optional<ModelVersion> loadPreviousChampion(String name);
}
