package io.tandem.bootstrap;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document from the front door (ADR-0027): served without a key at {@code /openapi}, it lists every
 * route the running router has (each path with each of its methods), and {@code /openapi/ui} is a Swagger UI page
 * whose scripts come from this server, not a CDN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiHttpTest {

    /** Served by other means than the API's controllers: the management endpoints, this page, the console. */
    private static final Set<String> NOT_API = Set.of("/health", "/prometheus", "/openapi", "/console");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private TandemHttp tandem;

    @BeforeAll
    void start() {
        tandem = TandemHttp.start(Map.of("tandem.auth.enabled", true));
    }

    @AfterAll
    void stop() {
        if (tandem != null) {
            tandem.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentListsEveryRouteOfTheRouterWithItsMethod() {
        TandemHttp.Response served = tandem.get("/openapi");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/yaml");
        Map<String, Object> document = new Yaml().load(served.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        Set<String> routed = new TreeSet<>();
        tandem.context().getBean(Router.class).uriRoutes().forEach(route -> {
            UriRouteInfo<?, ?> info = route;
            String template = info.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
            if (NOT_API.stream().noneMatch(template::startsWith)) {
                routed.add(info.getHttpMethod().name() + " " + template);
            }
        });

        // The framework answers HEAD wherever there is a GET; HTTP defines it, so the document need not repeat it.
        routed.removeIf(route -> route.startsWith("HEAD ") && routed.contains("GET " + route.substring(5)));
        assertThat(routed).as("the API's routes").contains("POST /v1/events", "GET /v1/users/{id}/recommendations",
                "POST /v1/keys");
        assertThat(documented).as("routes in the OpenAPI document").containsAll(routed);
    }

    /**
     * Every operation is documented to the level of {@code /v1/keys}: an operation id (unique) and a summary; each
     * parameter described with an example; a request body, when there is one, with a JSON schema that is not a
     * byte string and an example; every success response with a body has an example; and at least one 4xx
     * response is application/problem+json with an example naming the field at fault.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasExamplesAndProblemResponses() {
        Map<String, Object> document = new Yaml().load(tandem.get("/openapi").body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> gaps = new ArrayList<>();
        Set<String> operationIds = new TreeSet<>();
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (Map.Entry<String, Object> entry : path.getValue().entrySet()) {
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                Object operationId = operation.get("operationId");
                if (operationId == null || !operationIds.add(operationId.toString())) {
                    gaps.add(name + ": no operation id of its own (" + operationId + ")");
                }
                if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
                    gaps.add(name + ": no summary");
                }
                for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault(
                        "parameters", List.of())) {
                    if (parameter.get("description") == null || (parameter.get("example") == null
                            && parameter.get("examples") == null)) {
                        gaps.add(name + ": parameter " + parameter.get("name") + " has no description or example");
                    }
                }
                Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
                if (requestBody != null) {
                    Map<String, Map<String, Object>> content =
                            (Map<String, Map<String, Object>>) requestBody.getOrDefault("content", Map.of());
                    if (content.isEmpty()) {
                        gaps.add(name + ": request body without content");
                    }
                    content.forEach((type, media) -> {
                        if (!hasExample(media)) {
                            gaps.add(name + ": request body " + type + " has no example");
                        }
                        Map<String, Object> schema = (Map<String, Object>) media.get("schema");
                        if (schema == null || "byte".equals(schema.get("format"))) {
                            gaps.add(name + ": request body " + type + " is shown as bytes");
                        }
                    });
                }
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
                boolean success = false;
                boolean problem = false;
                for (Map.Entry<String, Map<String, Object>> response : responses.entrySet()) {
                    String status = response.getKey();
                    Map<String, Map<String, Object>> content =
                            (Map<String, Map<String, Object>>) response.getValue().getOrDefault("content", Map.of());
                    if (status.startsWith("2")) {
                        success = true;
                        content.forEach((type, media) -> {
                            if (!hasExample(media)) {
                                gaps.add(name + ": " + status + " " + type + " has no example");
                            }
                        });
                    }
                    if (status.startsWith("4") && content.containsKey("application/problem+json")
                            && exampleNamesAField(content.get("application/problem+json"))) {
                        problem = true;
                    }
                }
                if (!success) {
                    gaps.add(name + ": no success response");
                }
                if (!problem) {
                    gaps.add(name + ": no 4xx application/problem+json response with an example naming a field");
                }
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThanOrEqualTo(21);
        assertThat(gaps).as("operations documented below the level of /v1/keys").isEmpty();
    }

    private static boolean hasExample(Map<String, Object> media) {
        return media != null && (media.get("example") != null || media.get("examples") instanceof Map<?, ?> examples
                && !examples.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static boolean exampleNamesAField(Map<String, Object> media) {
        List<Object> values = new ArrayList<>();
        if (media.get("example") != null) {
            values.add(media.get("example"));
        }
        if (media.get("examples") instanceof Map<?, ?> examples) {
            examples.values().forEach(example -> values.add(((Map<String, Object>) example).get("value")));
        }
        return values.stream().anyMatch(value -> value instanceof Map<?, ?> body
                && body.get("field") instanceof String field && !field.isBlank());
    }

    @Test
    void theSwaggerUiPageAndItsScriptsComeFromThisServer() {
        TandemHttp.Response page = tandem.get("/openapi/ui");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/openapi/ui/swagger-ui-bundle.js", "/openapi/ui/start.js")
                .doesNotContain("http://").doesNotContain("https://");
        TandemHttp.Response start = tandem.get("/openapi/ui/start.js");
        assertThat(start.body()).contains("url: \"/openapi\"").doesNotContain("http");
        for (String asset : new String[] {"swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
            "swagger-ui.css"}) {
            TandemHttp.Response served = tandem.get("/openapi/ui/" + asset);
            assertThat(served.status()).as(asset).isEqualTo(200);
            assertThat(served.body().length()).as(asset).isGreaterThan(10_000);
        }
        TandemHttp.Response missing = tandem.get("/openapi/ui/..%2F..%2Fpom.properties");
        assertThat(missing.status()).isIn(400, 404);
    }
}
