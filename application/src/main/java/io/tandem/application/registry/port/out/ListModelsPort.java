package io.tandem.application.registry.port.out;

import io.tandem.domain.model.RegisteredModel;

import java.util.List;

/** Lists every model name in the registry with its summary, by name. */
@FunctionalInterface
public interface ListModelsPort {

    List<RegisteredModel> listModels();
}
