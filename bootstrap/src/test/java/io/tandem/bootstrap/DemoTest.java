package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem demo}: loads the generated data through the real ingest path and serves recommendations. */
class DemoTest {

    @Test
    void theDemoServesPersonalisedFilteredRecommendationsAndPrintsWhereToLook() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ApplicationContext context = new MicronautTandemLauncher().startDemo(
                new PrintStream(printed, true, StandardCharsets.UTF_8), TandemHttp.isolated());
        try (TandemHttp tandem = TandemHttp.around(context)) {
            TandemHttp.Response response = tandem.get("/v1/users/u00000/recommendations?count=10");

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.tree();
            assertThat(body.get("items").size()).isEqualTo(10);
            assertThat(body.get("fallback").get("used").getBooleanValue()).isTrue();
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("/v1/users/u00000/recommendations").contains("Loaded");

            TandemHttp.Response comedy = tandem.get("/v1/users/u00000/recommendations?count=5&category=comedy");
            assertThat(comedy.tree().get("items").size()).isEqualTo(5);
        }
    }
}
