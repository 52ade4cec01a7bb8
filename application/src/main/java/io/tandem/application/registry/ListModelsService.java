package io.tandem.application.registry;

import io.tandem.application.registry.port.in.ListModelsQuery;
import io.tandem.application.registry.port.in.ListModelsUseCase;
import io.tandem.application.registry.port.out.ListModelsPort;
import io.tandem.domain.model.RegisteredModel;

import java.util.List;
import java.util.Objects;

/** Lists the registered models. */
public final class ListModelsService implements ListModelsUseCase {

    private final ListModelsPort listModels;

    public ListModelsService(ListModelsPort listModels) {
        this.listModels = Objects.requireNonNull(listModels, "listModels");
    }

    @Override
    public List<RegisteredModel> list(ListModelsQuery query) {
        return listModels.listModels();
    }
}
