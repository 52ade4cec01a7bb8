package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A running Tandem on a random port and a plain JDK HTTP client, so tests see exactly what clients see. */
final class TandemHttp implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    private TandemHttp(EmbeddedServer server) {
        this.server = server;
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    /** Starts on a random port with a fresh temporary lake folder, overridden by {@code properties}. */
    static TandemHttp start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(isolated());
        all.putAll(properties);
        return new TandemHttp(ApplicationContext.run(EmbeddedServer.class, all));
    }

    /**
     * A random HTTP port and a temporary lake folder, so tests never touch the working tree; serving timeouts
     * wide enough for a loaded test machine (tests of the timeouts themselves set their own).
     */
    static Map<String, Object> isolated() {
        try {
            java.nio.file.Path state = java.nio.file.Files.createTempDirectory("tandem-state");
            return Map.of("micronaut.server.port", -1,
                    "tandem.serving.budget", "3s",
                    "tandem.serving.online-store-timeout", "1s",
                    "tandem.serving.catalog-timeout", "1s",
                    "tandem.serving.scorer-timeout", "1s",
                    "tandem.lake.path", state.resolve("lake").toString(),
                    "tandem.local-log.path", state.resolve("events").toString(),
                    "datasources.default.url", "jdbc:h2:file:" + state.resolve("db/tandem")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TandemHttp around(ApplicationContext context) {
        return new TandemHttp(context.getBean(EmbeddedServer.class));
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Response putJson(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    /** Any method, headers and raw body bytes, for requests no well-behaved client would send. */
    Response send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private URI uri(String path) {
        return URI.create(server.getURL().toString() + path);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), json,
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    /**
     * {@code response} is an RFC 9457 problem with {@code status} naming {@code field}, with a title and without a
     * stack trace.
     */
    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.tree();
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(problem.get("field").getStringValue()).isEqualTo(field);
        assertThat(problem.get("title").getStringValue()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    record Response(int status, String contentType, String body, JsonMapper json,
                    Map<String, java.util.List<String>> headers) {

        Response(int status, String contentType, String body, JsonMapper json) {
            this(status, contentType, body, json, Map.of());
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst().orElse("");
        }

        JsonNode tree() {
            try {
                return json.readValue(body, JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }
}
