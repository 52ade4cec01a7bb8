package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ChampionChange;

/** Makes a version champion by an operator's decision, archiving the champion it replaces. */
@FunctionalInterface
public interface PromoteModelVersionUseCase {

    /** @throws io.tandem.domain.model.ModelNotFoundException for an unknown model or version */
    ChampionChange promote(PromoteModelVersionCommand command);
}
