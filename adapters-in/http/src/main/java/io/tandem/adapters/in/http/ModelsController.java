package io.tandem.adapters.in.http;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.ListModelVersionsQuery;
import io.tandem.application.port.in.ListModelVersionsUseCase;
import io.tandem.application.port.in.ListModelsQuery;
import io.tandem.application.port.in.ListModelsUseCase;
import io.tandem.application.port.in.PromoteModelVersionCommand;
import io.tandem.application.port.in.PromoteModelVersionUseCase;
import io.tandem.application.port.in.RollbackModelCommand;
import io.tandem.application.port.in.RollbackModelUseCase;

/**
 * The model registry: {@code GET /v1/models}, {@code GET /v1/models/{name}/versions},
 * {@code POST /v1/models/{name}/versions/{v}/promote} and {@code POST /v1/models/{name}/rollback}.
 * Unknown models and versions are 404, a rollback without a previous champion 409, each naming the field.
 */
@Controller("/v1/models")
final class ModelsController {

    private final ListModelsUseCase listModels;
    private final ListModelVersionsUseCase listVersions;
    private final PromoteModelVersionUseCase promote;
    private final RollbackModelUseCase rollback;

    ModelsController(ListModelsUseCase listModels, ListModelVersionsUseCase listVersions,
                     PromoteModelVersionUseCase promote, RollbackModelUseCase rollback) {
        this.listModels = listModels;
        this.listVersions = listVersions;
        this.promote = promote;
        this.rollback = rollback;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ModelJson.ModelList list() {
        return ModelJson.ModelList.from(listModels.list(new ListModelsQuery()));
    }

    @Get(uri = "/{name}/versions", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ModelJson.VersionList versions(@PathVariable("name") String name) {
        ListModelVersionsQuery query = new ListModelVersionsQuery(name);
        return ModelJson.VersionList.from(query.name(), listVersions.list(query));
    }

    @Post(uri = "/{name}/versions/{version}/promote", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ModelJson.Change promote(@PathVariable("name") String name, @PathVariable("version") String version) {
        return ModelJson.Change.from(promote.promote(new PromoteModelVersionCommand(name, version)));
    }

    @Post(uri = "/{name}/rollback", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ModelJson.Change rollback(@PathVariable("name") String name) {
        return ModelJson.Change.from(rollback.rollback(new RollbackModelCommand(name)));
    }
}
