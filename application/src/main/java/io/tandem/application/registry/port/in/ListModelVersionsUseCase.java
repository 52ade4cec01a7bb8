package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ModelVersion;

import java.util.List;

/** Lists every version of one model, most recently registered first. */
@FunctionalInterface
public interface ListModelVersionsUseCase {

    /** @throws io.tandem.domain.model.ModelNotFoundException for an unknown model */
    List<ModelVersion> list(ListModelVersionsQuery query);
}
