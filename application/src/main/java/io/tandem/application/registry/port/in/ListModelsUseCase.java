package io.tandem.application.registry.port.in;

import io.tandem.domain.model.RegisteredModel;

import java.util.List;

/** Lists the registry's models, by name. */
@FunctionalInterface
public interface ListModelsUseCase {

    List<RegisteredModel> list(ListModelsQuery query);
}
