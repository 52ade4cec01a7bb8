package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.application.catalog.port.in.CatalogCounts;
import io.tandem.application.catalog.port.in.CountCatalogQuery;
import io.tandem.application.catalog.port.in.CountCatalogUseCase;
import io.tandem.application.catalog.port.in.FindUserQuery;
import io.tandem.application.catalog.port.in.FindUserUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.util.List;

/** Users: {@code PUT|GET /v1/users/{id}}, and the catalog's size at {@code GET /v1/catalog}. */
@Controller("/v1")
final class UsersController {

    private final UpsertUsersUseCase upsertUsers;
    private final FindUserUseCase findUser;
    private final CountCatalogUseCase countCatalog;

    UsersController(UpsertUsersUseCase upsertUsers, FindUserUseCase findUser, CountCatalogUseCase countCatalog) {
        this.upsertUsers = upsertUsers;
        this.findUser = findUser;
        this.countCatalog = countCatalog;
    }

    @Put(uri = "/users/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Tag(name = "ingest")
    @Operation(operationId = "putUser",
            summary = "Create or replace one user",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value =
                    "{\"attributes\":{\"country\":\"NL\"}}"))))
    @ApiResponse(responseCode = "200",
            description = "The user as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogJson.UserJson.class),
                    examples = @ExampleObject(value =
                    ApiExamples.USER)))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_400_PREFIX
                    + "\"detail\":\"differs from the id in the path\",\"field\":\"userId\"}")))
    @ApiProblems.Ingest
    CatalogJson.UserJson put(@Parameter(description = "The user's id, exactly as given", example = "u1")
                             @PathVariable("id") String id,
                             @Schema(implementation = CatalogJson.UserJson.class) @Body byte[] body) {
        PathIds.require("id", id);
        User stored = CatalogJson.user(RequestJson.parse(body, "a user object such as {\"attributes\":{}}"), id);
        upsertUsers.upsert(new UpsertUsersCommand(List.of(stored)));
        return CatalogJson.UserJson.from(stored);
    }

    @Get(uri = "/users/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Tag(name = "serve")
    @Operation(operationId = "getUser",
            summary = "Read one user")
    @ApiResponse(responseCode = "200",
            description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogJson.UserJson.class),
                    examples = @ExampleObject(value =
                    ApiExamples.USER)))
    @ApiProblems.InvalidId
    @ApiResponse(responseCode = "404",
            description = "No user with this id",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/user-not-found\",\"title\":\"Not "
                    + "Found\",\"status\":404,\"detail\":\"no user 'u1' in the catalog\","
                    + "\"field\":\"id\"}")))
    @ApiProblems.Serve
    HttpResponse<?> get(@Parameter(description = "The user's id, exactly as given", example = "u1")
                        @PathVariable("id") String id) {
        UserId user = PathIds.user(id);
        return ProblemResponses.found(findUser.find(new FindUserQuery(user)).map(CatalogJson.UserJson::from),
                "user-not-found", "id", "no user '" + user.value() + "' in the catalog");
    }

    @Get(uri = "/catalog", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Tag(name = "serve")
    @Operation(operationId = "catalogSize",
            summary = "Count the items and users in the catalog")
    @ApiResponse(responseCode = "200",
            description = "The catalog's size",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogJson.CatalogSize.class),
                    examples = @ExampleObject(value =
                    "{\"items\":1682,\"users\":943}")))
    @ApiProblems.Serve
    CatalogJson.CatalogSize size() {
        CatalogCounts counts = countCatalog.count(new CountCatalogQuery());
        return new CatalogJson.CatalogSize(counts.items(), counts.users());
    }
}
