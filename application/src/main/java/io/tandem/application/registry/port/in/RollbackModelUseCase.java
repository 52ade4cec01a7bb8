package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ChampionChange;

/** Brings back the previous champion of a model and archives the current one. */
@FunctionalInterface
public interface RollbackModelUseCase {

    /**
     * @throws io.tandem.domain.model.ModelNotFoundException for an unknown model
     * @throws io.tandem.domain.model.ModelConflictException when there is no previous champion
     */
    ChampionChange rollback(RollbackModelCommand command);
}
