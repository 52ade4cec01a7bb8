package io.tandem.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.access.port.in.RevokeApiKeyCommand;
import io.tandem.application.access.port.in.RevokeApiKeyUseCase;
import io.tandem.domain.access.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys and scopes from the front door (ADR-0027): for every route, no key is 401, a key without the route's
 * scope is 403 and a key with it gets through, all as problem+json; health, Prometheus and OpenAPI stay open; a
 * revoked, unknown or malformed key is 401; and no key ever reaches a log line or an answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessHttpTest {

    /** One route as a client calls it, and the scope it needs. */
    private record Call(String method, String path, String body, Scope scope) {
    }

    /** Every route of the API with a request that passes validation or fails it after the access check. */
    private static final List<Call> ROUTES = List.of(
            new Call("POST", "/v1/events", "[{\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i1\"}]", Scope.INGEST),
            new Call("PUT", "/v1/items/i1", "{\"categories\":[\"books\"]}", Scope.INGEST),
            new Call("DELETE", "/v1/items/nosuch", "", Scope.INGEST),
            new Call("POST", "/v1/items:batch", "[{\"itemId\":\"i2\"}]", Scope.INGEST),
            new Call("PUT", "/v1/users/u1", "{}", Scope.INGEST),
            new Call("GET", "/v1/items/i1", "", Scope.SERVE),
            new Call("GET", "/v1/users/u1", "", Scope.SERVE),
            new Call("GET", "/v1/catalog", "", Scope.SERVE),
            new Call("GET", "/v1/users/u1/recommendations?count=3", "", Scope.SERVE),
            new Call("GET", "/v1/items/i1/similar?count=3", "", Scope.SERVE),
            new Call("POST", "/v1/rankings", "{\"userId\":\"u1\",\"itemIds\":[\"i1\"]}", Scope.SERVE),
            new Call("GET", "/v1/models", "", Scope.ADMIN),
            new Call("GET", "/v1/models/two-stage/versions", "", Scope.ADMIN),
            new Call("POST", "/v1/models/two-stage/versions/v0/promote", "", Scope.ADMIN),
            new Call("POST", "/v1/models/two-stage/rollback", "", Scope.ADMIN),
            new Call("POST", "/v1/jobs", "{\"type\":\"not-a-job\"}", Scope.ADMIN),
            new Call("GET", "/v1/jobs/nosuch", "", Scope.ADMIN),
            new Call("GET", "/v1/keys", "", Scope.ADMIN),
            new Call("POST", "/v1/keys", "{\"name\":\"made-over-http\",\"scopes\":[\"serve\"]}", Scope.ADMIN),
            new Call("DELETE", "/v1/keys/nosuchkey2", "", Scope.ADMIN));

    private TandemHttp tandem;
    private final Map<Scope, String> keys = new EnumMap<>(Scope.class);
    private final List<String> secrets = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeAll
    void startWithKeysRequired() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        tandem = TandemHttp.start(Map.of("tandem.auth.enabled", true));
        // Everything the application and the framework log while keys are made and used, down to DEBUG.
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        CreateApiKeyUseCase create = tandem.context().getBean(CreateApiKeyUseCase.class);
        for (Scope scope : Scope.values()) {
            String key = create.create(new CreateApiKeyCommand(scope.label() + "-key", EnumSet.of(scope),
                    Optional.empty())).token();
            keys.put(scope, key);
            secrets.add(key);
        }
    }

    @AfterAll
    void stop() {
        try {
            if (tandem != null) {
                tandem.close();
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(rootLevel);
        }
    }

    private TandemHttp.Response call(Call call, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (!call.body().isEmpty()) {
            all.put("Content-Type", "application/json");
        }
        return tandem.send(call.method(), call.path(), all, call.body().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    @Test
    void everyRouteAnswers401WithoutAKey403WithAnotherScopeAndPassesWithItsOwn() {
        for (Call call : ROUTES) {
            TandemHttp.Response anonymous = call(call, Map.of());
            assertProblem(anonymous, 401, "Authorization");
            assertThat(anonymous.header("WWW-Authenticate")).as(call.toString()).startsWith("Bearer");

            for (Scope other : EnumSet.complementOf(EnumSet.of(call.scope()))) {
                TandemHttp.Response wrong = call(call, bearer(keys.get(other)));
                assertProblem(wrong, 403, "Authorization");
                assertThat(wrong.body()).as(call.toString()).contains("'" + call.scope().label() + "'");
            }

            TandemHttp.Response allowed = call(call, bearer(keys.get(call.scope())));
            assertThat(allowed.status()).as("%s answered %s", call, allowed.body())
                    .isNotIn(401, 403, 429).isLessThan(500);
        }
    }

    @Test
    void theKeyMayComeAsXApiKeyAndTheSchemeInAnyCase() {
        Call recommend = ROUTES.get(8);
        assertThat(call(recommend, Map.of("X-Api-Key", keys.get(Scope.SERVE))).status()).isEqualTo(200);
        assertThat(call(recommend, Map.of("Authorization", "bearer " + keys.get(Scope.SERVE))).status())
                .isEqualTo(200);
    }

    @Test
    void unknownMalformedAndRevokedKeysAre401WithoutEchoingTheKey() {
        Call models = ROUTES.get(11);
        String admin = keys.get(Scope.ADMIN);
        String wrongSecret = admin.substring(0, admin.length() - 2) + (admin.endsWith("AA") ? "BB" : "AA");
        for (String bad : List.of(wrongSecret, "tdm_zzzzzzzz22_" + admin.substring(admin.indexOf('_', 4) + 1),
                "not-a-key", "x" + admin, "tdm_", "Bearer")) {
            TandemHttp.Response refused = call(models, bearer(bad));
            assertProblem(refused, 401, "Authorization");
            assertThat(refused.body()).doesNotContain(bad.strip().isEmpty() ? "\u0000" : bad.strip());
        }

        String doomed = tandem.context().getBean(CreateApiKeyUseCase.class).create(new CreateApiKeyCommand(
                "doomed", EnumSet.of(Scope.ADMIN), Optional.empty())).token();
        secrets.add(doomed);
        assertThat(call(models, bearer(doomed)).status()).isEqualTo(200);
        tandem.context().getBean(RevokeApiKeyUseCase.class).revoke(new RevokeApiKeyCommand(
                doomed.substring(4, doomed.indexOf('_', 4))));
        assertProblem(call(models, bearer(doomed)), 401, "Authorization");
    }

    @Test
    void healthPrometheusAndOpenApiNeedNoKey() {
        assertThat(tandem.get("/health/liveness").status()).isEqualTo(200);
        assertThat(tandem.get("/health/readiness").status()).isIn(200, 503);
        assertThat(tandem.get("/prometheus").status()).isEqualTo(200);
    }

    @Test
    void everyRouteOfTheRouterNeedsAKeyUnlessItIsOpen() {
        Router router = tandem.context().getBean(Router.class);
        Set<String> checked = new TreeSet<>();
        router.uriRoutes().forEach(route -> {
            UriRouteInfo<?, ?> info = route;
            String template = info.getUriMatchTemplate().toString();
            String path = template.replaceAll("\\{[^}]*}", "x1");
            HttpMethod method = info.getHttpMethod();
            if (path.startsWith("/health") || path.startsWith("/prometheus") || path.startsWith("/openapi")
                    || path.startsWith("/console")) {
                return;
            }
            TandemHttp.Response anonymous = tandem.send(method.name(), path, Map.of(), new byte[0]);
            assertThat(anonymous.status()).as("%s %s without a key", method, template).isEqualTo(401);
            checked.add(method + " " + template);
        });
        assertThat(checked).as("the controllers' routes").hasSizeGreaterThanOrEqualTo(ROUTES.size() - 3);
    }

    @Test
    void createdKeysAreListedOverHttpWithoutSecretsAndShownOnceWhenCreated() {
        TandemHttp.Response created = tandem.send("POST", "/v1/keys", Map.of("Content-Type", "application/json",
                        "Authorization", "Bearer " + keys.get(Scope.ADMIN)),
                "{\"name\":\"web\",\"scopes\":[\"serve\",\"ingest\"],\"rateLimit\":{\"perSecond\":5,\"burst\":10}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        String key = created.tree().get("key").getStringValue();
        secrets.add(key);
        String id = created.tree().get("id").getStringValue();
        assertThat(key).startsWith("tdm_" + id + "_");

        TandemHttp.Response listed = tandem.send("GET", "/v1/keys", bearer(keys.get(Scope.ADMIN)), new byte[0]);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":\"" + id + "\"", "\"name\":\"web\"", "\"perSecond\":5")
                .doesNotContain(key.substring(key.indexOf('_', 4) + 1)).doesNotContain("tdm_")
                .doesNotContain("hash");
        assertThat(call(ROUTES.get(8), bearer(key)).status()).isEqualTo(200);

        TandemHttp.Response badScope = tandem.send("POST", "/v1/keys", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + keys.get(Scope.ADMIN)),
                "{\"name\":\"web\",\"scopes\":[\"Serve\"]}".getBytes(StandardCharsets.UTF_8));
        assertProblem(badScope, 400, "scopes[0]");
        TandemHttp.Response badLimit = tandem.send("POST", "/v1/keys", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + keys.get(Scope.ADMIN)),
                "{\"name\":\"web\",\"scopes\":[\"serve\"],\"rateLimit\":{\"perSecond\":0,\"burst\":1}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertProblem(badLimit, 400, "rateLimit.perSecond");

        assertThat(tandem.send("DELETE", "/v1/keys/" + id, bearer(keys.get(Scope.ADMIN)), new byte[0]).status())
                .isEqualTo(204);
        assertProblem(call(ROUTES.get(8), bearer(key)), 401, "Authorization");
        assertProblem(tandem.send("DELETE", "/v1/keys/NOT-AN-ID", bearer(keys.get(Scope.ADMIN)), new byte[0]), 400,
                "id");
    }

    @Test
    void noKeyEverReachesALogLine() {
        // The other tests' traffic (and the start) are in the captured lines too; this adds failures of every kind.
        for (Call call : ROUTES) {
            call(call, bearer(keys.get(Scope.INGEST) + "x"));
            call(call, Map.of("X-Api-Key", keys.get(Scope.SERVE)));
        }
        assertThat(logs.list).as("captured log lines").isNotEmpty();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret.substring(secret.indexOf('_', 4) + 1));
            }
        }
    }
}
