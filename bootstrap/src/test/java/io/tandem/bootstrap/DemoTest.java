package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tandem demo}: not ready while it loads, then loads the generated data through the real ingest path and
 * serves recommendations.
 */
class DemoTest {

    @Test
    void theDemoIsNotReadyWhileItLoadsThenServesPersonalisedFilteredRecommendationsAndPrintsWhereToLook()
            throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        int port = freePort();
        properties.put("micronaut.server.port", port);
        CompletableFuture<ApplicationContext> demo = CompletableFuture.supplyAsync(() -> new MicronautTandemLauncher()
                .startDemo(new PrintStream(printed, true, StandardCharsets.UTF_8), properties));

        // The HTTP server is open once the demo says it loads; readiness is DOWN until its model serves.
        awaitPrinted(printed, "Loading the synthetic demo data", demo);
        HttpResponse<String> loading = readiness(port);
        assertThat(loading.statusCode()).as(loading.body()).isEqualTo(503);
        assertThat(loading.body()).contains("DOWN").doesNotContain("loading the demo data");
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Serving two-stage");

        ApplicationContext context = demo.get(5, TimeUnit.MINUTES);
        try (TandemHttp tandem = TandemHttp.around(context)) {
            HttpResponse<String> ready = readiness(port);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("UP");

            TandemHttp.Response response = tandem.get("/v1/users/u00000/recommendations?count=10");

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.tree();
            assertThat(body.get("items").size()).isEqualTo(10);
            // The demo trains and promotes a model, and the model answers.
            assertThat(body.get("fallback").get("used").getBooleanValue()).as(body.toString()).isFalse();
            assertThat(body.get("model").get("name").getStringValue()).isEqualTo("two-stage");
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("/v1/users/u00000/recommendations").contains("Loaded")
                    .contains("registered two-stage").contains("Serving two-stage v");

            TandemHttp.Response comedy = tandem.get("/v1/users/u00000/recommendations?count=5&category=comedy");
            assertThat(comedy.tree().get("items").size()).isEqualTo(5);
            for (JsonNode item : comedy.tree().get("items").values()) {
                List<String> categories = new ArrayList<>();
                tandem.get("/v1/items/" + item.get("itemId").getStringValue()).tree().get("categories").values()
                        .forEach(category -> categories.add(category.getStringValue()));
                assertThat(categories).contains("comedy");
            }
        }
    }

    private static HttpResponse<String> readiness(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health/readiness")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitPrinted(ByteArrayOutputStream printed, String text,
                                     CompletableFuture<ApplicationContext> demo) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!printed.toString(StandardCharsets.UTF_8).contains(text)) {
            if (demo.isDone()) {
                demo.get();
                throw new AssertionError("the demo finished without printing " + text);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the demo never printed " + text);
            }
            Thread.sleep(5);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
