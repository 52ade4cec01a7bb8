package io.tandem.application.registry;

import io.tandem.application.registry.port.in.ListModelVersionsQuery;
import io.tandem.application.registry.port.in.ListModelVersionsUseCase;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelVersion;

import java.util.List;
import java.util.Objects;

/** Lists the versions of one model; a model without versions is unknown. */
public final class ListModelVersionsService implements ListModelVersionsUseCase {

    private final LoadModelVersionsPort loadVersions;

    public ListModelVersionsService(LoadModelVersionsPort loadVersions) {
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
    }

    @Override
    public List<ModelVersion> list(ListModelVersionsQuery query) {
        List<ModelVersion> versions = loadVersions.loadVersions(query.name());
        if (versions.isEmpty()) {
            throw ModelNotFoundException.unknownModel(query.name());
        }
        return versions;
    }
}
