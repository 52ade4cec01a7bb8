package io.tandem.adapters.in.http;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.application.experiment.port.in.ListModelDecisionsQuery;
import io.tandem.application.experiment.port.in.ListModelDecisionsUseCase;
import io.tandem.application.registry.port.in.ListModelVersionsQuery;
import io.tandem.application.registry.port.in.ListModelVersionsUseCase;
import io.tandem.application.registry.port.in.ListModelsQuery;
import io.tandem.application.registry.port.in.ListModelsUseCase;
import io.tandem.application.registry.port.in.PromoteModelVersionCommand;
import io.tandem.application.registry.port.in.PromoteModelVersionUseCase;
import io.tandem.application.registry.port.in.RollbackModelCommand;
import io.tandem.application.registry.port.in.RollbackModelUseCase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model registry: {@code GET /v1/models}, {@code GET /v1/models/{name}/versions},
 * {@code POST /v1/models/{name}/versions/{v}/promote} and {@code POST /v1/models/{name}/rollback}.
 * Unknown models and versions are 404, a rollback without a previous champion 409, each naming the field.
 */
@Controller("/v1/models")
@Tag(name = "admin")
@ApiProblems.Admin
final class ModelsController {

    private final ListModelsUseCase listModels;
    private final ListModelVersionsUseCase listVersions;
    private final ListModelDecisionsUseCase listDecisions;
    private final PromoteModelVersionUseCase promote;
    private final RollbackModelUseCase rollback;

    ModelsController(ListModelsUseCase listModels, ListModelVersionsUseCase listVersions,
                     ListModelDecisionsUseCase listDecisions, PromoteModelVersionUseCase promote,
                     RollbackModelUseCase rollback) {
        this.listModels = listModels;
        this.listVersions = listVersions;
        this.listDecisions = listDecisions;
        this.promote = promote;
        this.rollback = rollback;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "listModels",
            summary = "Every registered model with its champion and latest version")
    @ApiResponse(responseCode = "200",
            description = "The models",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelJson.ModelList.class),
                    examples = @ExampleObject(value =
                    "{\"models\":[{\"name\":\"default\",\"kind\":\"als\",\"versions\":3,"
                    + "\"champion\":\"v3\",\"latestVersion\":\"v3\","
                    + "\"latestCreatedAt\":\"2026-12-01T02:00:00Z\"}]}")))
    ModelJson.ModelList list() {
        return ModelJson.ModelList.from(listModels.list(new ListModelsQuery()));
    }

    @Get(uri = "/{name}/versions", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "listModelVersions",
            summary = "A model's versions with their hold-out metrics, stage, lineage and training "
                    + "window, and the experiments' decisions about each with their evidence")
    @ApiResponse(responseCode = "200",
            description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelJson.VersionList.class),
                    examples = @ExampleObject(value =
                    "{\"name\":\"default\",\"versions\":[" + ApiExamples.VERSION + "]}")))
    @ApiProblems.ModelNotFound
    ModelJson.VersionList versions(@Parameter(description = "The model's name", example = "default")
                                   @PathVariable("name") String name) {
        ListModelVersionsQuery query = new ListModelVersionsQuery(name);
        return ModelJson.VersionList.from(query.name(), listVersions.list(query),
                listDecisions.list(new ListModelDecisionsQuery(query.name())));
    }

    @Post(uri = "/{name}/versions/{version}/promote", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "promoteModelVersion",
            summary = "Make a version the champion; the previous champion is archived")
    @ChampionChanged
    @ApiResponse(responseCode = "404",
            description = "No such model or version",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/model-not-found\",\"title\":\"Not "
                    + "Found\",\"status\":404,\"detail\":\"model 'default' has no version 'v9'\","
                    + "\"field\":\"version\"}")))
    ModelJson.Change promote(@Parameter(description = "The model's name", example = "default")
                            @PathVariable("name") String name,
                            @Parameter(description = "The version to promote", example = "v3")
                            @PathVariable("version") String version) {
        return ModelJson.Change.from(promote.promote(new PromoteModelVersionCommand(name, version)));
    }

    @Post(uri = "/{name}/rollback", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "rollbackModel",
            summary = "Put the previous champion back")
    @ChampionChanged
    @ApiProblems.ModelNotFound
    @ApiResponse(responseCode = "409",
            description = "There is no previous champion",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/model-conflict\","
                    + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"model 'default' has no "
                    + "previous champion to roll back to\",\"field\":\"name\"}")))
    ModelJson.Change rollback(@Parameter(description = "The model's name", example = "default")
                             @PathVariable("name") String name) {
        return ModelJson.Change.from(rollback.rollback(new RollbackModelCommand(name)));
    }

    /** The answer of promote and rollback alike: the champion now and the version it replaced. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "The champion now and the version it replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelJson.Change.class),
                    examples = @ExampleObject(value = ApiExamples.CHANGE)))
    @interface ChampionChanged {
    }
}
