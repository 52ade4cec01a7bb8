package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The OpenAPI document written at build time ({@code GET /openapi}, YAML) and a Swagger UI page over it
 * ({@code GET /openapi/ui}), its scripts and styles served from the swagger-ui webjar inside the jar: nothing is
 * fetched from elsewhere. Open to every caller, like health.
 */
@Hidden
@Controller("/openapi")
final class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/tandem.yml";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Tandem API</title>
              <link rel="stylesheet" href="/openapi/ui/swagger-ui.css">
              <link rel="icon" type="image/png" href="/openapi/ui/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/openapi/ui/swagger-ui-bundle.js"></script>
              <script src="/openapi/ui/swagger-ui-standalone-preset.js"></script>
              <script src="/openapi/ui/start.js"></script>
            </body>
            </html>
            """;
    /** In a file of its own rather than inline, so a strict content security policy can allow scripts by origin. */
    private static final String START = """
            window.ui = SwaggerUIBundle({
              url: "/openapi",
              dom_id: "#swagger-ui",
              deepLinking: true,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "StandaloneLayout",
              validatorUrl: null
            });
            """;

    private final byte[] document;
    private final String webjarFolder;

    OpenApiController() {
        this.document = resource(DOCUMENT).orElseThrow(() -> new IllegalStateException(
                "the OpenAPI document " + DOCUMENT + " is not on the class path; it is written at build time"));
        this.webjarFolder = WEBJAR + swaggerUiVersion() + "/";
    }

    @Get(produces = "application/yaml")
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType("application/yaml");
    }

    @Get(uri = "/ui", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        return HttpResponse.ok(PAGE).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get(uri = "/ui/{name}")
    HttpResponse<?> asset(@PathVariable("name") String name) {
        if ("start.js".equals(name)) {
            return HttpResponse.ok(START.getBytes(StandardCharsets.UTF_8)).contentType("text/javascript");
        }
        String type = ASSETS.get(name);
        Optional<byte[]> bytes = type == null ? Optional.empty() : resource(webjarFolder + name);
        if (bytes.isEmpty()) {
            return ProblemResponses.respond(Problem.of(404, "Not Found", "not-found", "name",
                    "no such file of the API page"));
        }
        return HttpResponse.ok(bytes.get()).contentType(type).header("Cache-Control", "max-age=86400");
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = OpenApiController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static Optional<byte[]> resource(String path) {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
