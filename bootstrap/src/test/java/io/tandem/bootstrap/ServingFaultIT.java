package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.out.redis.PrivateRedisServer;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serving acceptance path with a real Redis online store that the test itself owns: data → train → promote
 * → served by the model; the Redis server killed → every request still 200 from the fallback, naming the online
 * store, quickly; Redis back → the model serves again, without a restart.
 */
class ServingFaultIT {

    @Test
    void servesWithTheModelFallsBackWhileRedisIsDownAndRecoversWithoutARestart() throws Exception {
        try (PrivateRedisServer redis = PrivateRedisServer.started()) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("tandem.online-store", "redis");
            properties.put("tandem.redis.uri", redis.uri());
            properties.put("tandem.redis.key-prefix", "tandem-serving-it:");
            // Batch writes of the loader get time; the serving read has its own 15 ms guard below.
            properties.put("tandem.redis.command-timeout", "2s");
            // The production timeouts: 15 ms per dependency in a 50 ms budget; the circuit retries after 1 s.
            properties.put("tandem.serving.budget", "50ms");
            properties.put("tandem.serving.online-store-timeout", "15ms");
            properties.put("tandem.serving.catalog-timeout", "15ms");
            properties.put("tandem.serving.scorer-timeout", "15ms");
            properties.put("tandem.serving.circuit-open-for", "1s");
            try (TandemHttp tandem = TandemHttp.start(properties)) {
                SyntheticDataset dataset = SyntheticLake.loadTrainAndServe(tandem, 3L);
                awaitTrue(() -> tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh());
                String user = dataset.users().get(0).id().value();
                JsonNode byModel = awaitAnswerByModel(tandem, user);
                assertThat(byModel.get("model").get("name").getStringValue()).isEqualTo("two-stage");
                assertThat(byModel.get("items").size()).isEqualTo(10);

                redis.kill();
                long slowest = 0;
                for (int request = 0; request < 40; request++) {
                    String someone = dataset.users().get(request % dataset.users().size()).id().value();
                    long started = System.nanoTime();
                    TandemHttp.Response response = tandem.get("/v1/users/" + someone + "/recommendations?count=10");
                    slowest = Math.max(slowest, System.nanoTime() - started);
                    assertThat(response.status()).isEqualTo(200);
                    JsonNode body = response.tree();
                    assertThat(body.get("fallback").get("used").getBooleanValue()).isTrue();
                    assertThat(body.get("fallback").get("reason").getStringValue()).startsWith("online store");
                    assertThat(body.get("model").isNull()).isTrue();
                    assertThat(body.get("items").size()).isEqualTo(10);
                }
                // Within the budget on the server; the client's loopback round trip on a loaded CI machine adds
                // its own share, so the bound here is loose (the serve benchmark reports the real latencies).
                assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(500));
                assertThat(tandem.get("/prometheus").body()).contains("tandem_fallbacks_total")
                        .contains("reason=\"online store\"");

                redis.start();
                assertThat(awaitAnswerByModel(tandem, user).get("model").get("name").getStringValue())
                        .isEqualTo("two-stage");
            }
        }
    }

    /**
     * The first answer that came from the model, checked whole: on a loaded machine the request after it may still
     * time out and fall back, so asking again would test the machine, not the recovery.
     */
    private static JsonNode awaitAnswerByModel(TandemHttp tandem, String user) throws InterruptedException {
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        awaitTrue(() -> {
            answer.set(servedBy(tandem, user));
            return !answer.get().get("fallback").get("used").getBooleanValue();
        });
        return answer.get();
    }

    private static JsonNode servedBy(TandemHttp tandem, String user) {
        TandemHttp.Response response = tandem.get("/v1/users/" + user + "/recommendations?count=10");
        assertThat(response.status()).isEqualTo(200);
        return response.tree();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
