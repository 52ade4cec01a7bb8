package io.tandem.application.registry.port.out;

import io.tandem.domain.model.ModelVersion;

/**
 * Adds a model version to the registry unless that name and version are taken. A version enters as a
 * candidate; only {@link ChangeModelStagesPort} makes champions, so that the one-champion rule has one keeper.
 */
@FunctionalInterface
public interface SaveModelVersionPort {

    /**
     * @return true when stored, false (changing nothing) when the registry holds that name and version already
     * @throws IllegalArgumentException when the version is not a candidate
     */
    boolean saveIfAbsent(ModelVersion version);
}
