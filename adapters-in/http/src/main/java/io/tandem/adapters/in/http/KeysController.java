package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.adapters.shared.json.JsonMembers;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.access.port.in.CreatedApiKey;
import io.tandem.application.access.port.in.ListApiKeysUseCase;
import io.tandem.application.access.port.in.RevokeApiKeyCommand;
import io.tandem.application.access.port.in.RevokeApiKeyUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys, for the {@code admin} scope (ADR-0027): {@code POST /v1/keys {"name","scopes":[...],"rateLimit":
 * {"perSecond","burst"}}} answers 201 with the key's text, shown this once; {@code GET /v1/keys} lists keys without
 * secrets; {@code DELETE /v1/keys/{id}} revokes one (204, or 404 when there is none).
 */
@Controller(KeysController.PATH)
@Tag(name = "admin")
@ApiProblems.Admin
final class KeysController {

    static final String PATH = "/v1/keys";
    private static final List<String> FIELDS = List.of("name", "scopes", "rateLimit");
    private static final String EXAMPLE = "{\"name\":\"web\",\"scopes\":[\"serve\"]}";
    private static final String PROBLEM_400 = ApiExamples.PROBLEM_400_PREFIX
            + "\"detail\":\"unknown scope; one of ingest, serve, admin\",\"field\":\"scopes[0]\"}";

    private final CreateApiKeyUseCase create;
    private final ListApiKeysUseCase list;
    private final RevokeApiKeyUseCase revoke;

    KeysController(CreateApiKeyUseCase create, ListApiKeysUseCase list, RevokeApiKeyUseCase revoke) {
        this.create = create;
        this.list = list;
        this.revoke = revoke;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "createKey", summary = "Create an API key; its text is in this answer only",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = "{\"name\":\"web\",\"scopes\":[\"serve\"],"
                            + "\"rateLimit\":{\"perSecond\":50,\"burst\":100}}"))))
    @ApiResponse(responseCode = "201", description = "The key, with its full text in `key`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    KeyJson.Created.class), examples = @ExampleObject(value = "{\"id\":\"k3xq7mzt2a\","
                    + "\"name\":\"web\",\"scopes\":[\"serve\"],\"createdAt\":\"2026-12-07T02:30:00Z\","
                    + "\"rateLimit\":{\"perSecond\":50,\"burst\":100},\"key\":\"tdm_k3xq7mzt2a_"
                    + "9bJ8Qe1m0wz4S6KcTq2y7XhV3uN5pL8dRf0aGiYoE1s\"}")))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST,
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = PROBLEM_400)))
    HttpResponse<KeyJson.Created> create(
            @Schema(implementation = RequestShapes.Key.class) @Nullable @Body byte[] body) {
        CreatedApiKey created = create.create(commandIn(body));
        return HttpResponse.created(KeyJson.Created.from(created))
                .header("Location", PATH + "/" + created.key().id().value())
                .header("Cache-Control", "no-store");
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "listKeys", summary = "List every key, revoked ones too, without secrets")
    @ApiResponse(responseCode = "200", description = "The keys, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    KeyJson.Listing.class), examples = @ExampleObject(value = "{\"keys\":[{\"id\":\"k3xq7mzt2a\","
                    + "\"name\":\"web\",\"scopes\":[\"serve\"],\"createdAt\":\"2026-12-07T02:30:00Z\","
                    + "\"revokedAt\":null,\"rateLimit\":null}]}")))
    KeyJson.Listing list() {
        return new KeyJson.Listing(list.list().stream().map(KeyJson.Key::from).toList());
    }

    @Delete(uri = "/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "revokeKey", summary = "Revoke a key by its id")
    @ApiResponse(responseCode = "204", description = "Revoked (or already revoked)")
    @ApiResponse(responseCode = "404",
            description = "No key with this id",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/key-not-found\",\"title\":\"Not "
                    + "Found\",\"status\":404,\"detail\":\"no key 'k3xq7mzt2a'\",\"field\":\"id\"}")))
    HttpResponse<?> revoke(@Parameter(description = "The key's id, the part after `tdm_`", example = "k3xq7mzt2a")
                           @PathVariable("id") String id) {
        if (revoke.revoke(new RevokeApiKeyCommand(id))) {
            return HttpResponse.noContent();
        }
        return ProblemResponses.notFound("key-not-found", "id", "no key '" + id + "'");
    }

    private static CreateApiKeyCommand commandIn(byte[] body) {
        JsonMembers request = RequestJson.object(body, EXAMPLE, FIELDS);
        String name = RequestJson.requiredText(request, "name", "is required");
        List<String> labels = request.texts("scopes", Scope.values().length);
        if (labels.isEmpty()) {
            throw new InvalidFieldException("scopes", "is required: one or more of ingest, serve, admin");
        }
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int index = 0; index < labels.size(); index++) {
            scopes.add(Scope.parse("scopes[" + index + "]", labels.get(index)));
        }
        return new CreateApiKeyCommand(name, scopes, rateLimitIn(request));
    }

    private static Optional<RateLimit> rateLimitIn(JsonMembers request) {
        Optional<JsonValue> value = request.get("rateLimit");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonMembers limit = JsonMembers.of("rateLimit", value.get(), List.of("perSecond", "burst"), Map.of());
        return Optional.of(new RateLimit(count(limit, "perSecond"), count(limit, "burst")));
    }

    private static int count(JsonMembers object, String name) {
        String literal = object.number(name);
        if (literal == null) {
            throw new InvalidFieldException(object.field(name), "is required: a whole number from 1 to "
                    + RateLimit.MAX);
        }
        try {
            int value = Integer.parseInt(literal);
            if (value < 1 || value > RateLimit.MAX) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(object.field(name), "must be a whole number from 1 to " + RateLimit.MAX);
        }
    }
}
