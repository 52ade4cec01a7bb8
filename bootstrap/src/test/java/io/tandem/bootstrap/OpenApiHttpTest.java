package io.tandem.bootstrap;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

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
