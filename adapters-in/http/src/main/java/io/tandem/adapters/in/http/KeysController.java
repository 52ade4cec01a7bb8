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
import io.tandem.adapters.shared.json.JsonMembers;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.application.port.in.CreateApiKeyCommand;
import io.tandem.application.port.in.CreateApiKeyUseCase;
import io.tandem.application.port.in.CreatedApiKey;
import io.tandem.application.port.in.ListApiKeysUseCase;
import io.tandem.application.port.in.RevokeApiKeyCommand;
import io.tandem.application.port.in.RevokeApiKeyUseCase;
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
final class KeysController {

    static final String PATH = "/v1/keys";
    private static final List<String> FIELDS = List.of("name", "scopes", "rateLimit");
    private static final String EXAMPLE = "{\"name\":\"web\",\"scopes\":[\"serve\"]}";

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
    HttpResponse<KeyJson.Created> create(@Nullable @Body byte[] body) {
        CreatedApiKey created = create.create(commandIn(body));
        return HttpResponse.created(KeyJson.Created.from(created))
                .header("Location", PATH + "/" + created.key().id().value())
                .header("Cache-Control", "no-store");
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    KeyJson.Listing list() {
        return new KeyJson.Listing(list.list().stream().map(KeyJson.Key::from).toList());
    }

    @Delete(uri = "/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> revoke(@PathVariable("id") String id) {
        if (revoke.revoke(new RevokeApiKeyCommand(id))) {
            return HttpResponse.noContent();
        }
        return ProblemResponses.respond(Problem.of(404, "Not Found", "key-not-found", "id", "no key '" + id + "'"));
    }

    private static CreateApiKeyCommand commandIn(byte[] body) {
        JsonMembers request = RequestJson.object(body, EXAMPLE, FIELDS);
        String name = request.text("name");
        if (name == null) {
            throw new InvalidFieldException("name", "is required");
        }
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
