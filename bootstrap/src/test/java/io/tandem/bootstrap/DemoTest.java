package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
}
