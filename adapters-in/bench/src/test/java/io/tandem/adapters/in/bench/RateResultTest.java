package io.tandem.adapters.in.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesAJsonArrayWithOneObjectPerRateAndTheAgreedFields() throws Exception {
        List<RateResult> results = List.of(result(250, 1.25, 0.0), result(1000, 7.5, 0.125));

        JsonNode array = JSON.readTree(RateResult.toJson(results));

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        JsonNode first = array.get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("rate", "achieved_rps", "p50_ms", "p95_ms", "p99_ms", "errors",
                "fallback_share", "model_p99_ms", "fallback_reasons", "candidates_ranked", "load_average");
        assertThat(first.get("rate").asInt()).isEqualTo(250);
        assertThat(first.get("p99_ms").asDouble()).isEqualTo(1.25);
        assertThat(array.get(1).get("fallback_share").asDouble()).isEqualTo(0.125);
        assertThat(array.get(1).get("adapters").asText()).isEqualTo("production");
    }

    @Test
    void writesNothingMeasuredAsNullRatherThanNaN() throws Exception {
        RateResult empty = new RateResult(10, 1, 0, 0, 0, 10, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Map.of(), 150, "embedded", 1.5, 0.5);

        JsonNode object = JSON.readTree(empty.toJson());

        assertThat(object.get("p99_ms").isNull()).isTrue();
        assertThat(object.get("fallback_share").isNull()).isTrue();
        assertThat(object.get("model_p99_ms").isNull()).isTrue();
        assertThat(object.get("fallback_reasons").isEmpty()).isTrue();
        assertThat(object.get("dropped").asInt()).isEqualTo(10);
    }

    @Test
    void escapesFallbackReasonsAsJsonStrings() throws Exception {
        RateResult result = new RateResult(10, 1, 10, 10, 0, 0, 10, 1, 1, 1, 1, 0.5, 1, 1,
                Map.of("catalog unavailable: \"items\" \\ timed out", 5), 150, "production", 1, 1);

        JsonNode reasons = JSON.readTree(result.toJson()).get("fallback_reasons");

        assertThat(reasons.get("catalog unavailable: \"items\" \\ timed out").asInt()).isEqualTo(5);
    }

    @Test
    void readsTheFallbackReasonFromAnAnswer() {
        assertThat(OpenLoopLoad.fallbackReason("{\"items\":[],\"model\":null,\"fallback\":{\"used\":true,"
                + "\"reason\":\"catalog unavailable: catalog: no answer within 15 ms\"}}"))
                .isEqualTo("catalog unavailable: catalog: no answer within 15 ms");
        assertThat(OpenLoopLoad.fallbackReason("{\"model\":{\"name\":\"two-stage\",\"version\":\"v1\"},"
                + "\"fallback\":{\"used\":false,\"reason\":null}}")).isNull();
    }

    @Test
    void countsErrorsDropsAndFallbacksFromTheStatuses() {
        long ms = 1_000_000;
        long[] latencies = {1 * ms, 2 * ms, 3 * ms, 4 * ms, 0};
        int[] statuses = {200, 200, 503, OpenLoopLoad.FAILED, OpenLoopLoad.DROPPED};
        String[] fallback = {"no model", null, null, null, null};

        OpenLoopLoad.Measured measured = OpenLoopLoad.Measured.of(latencies, statuses, fallback, 2.0);

        assertThat(measured.sent()).isEqualTo(4);
        assertThat(measured.ok()).isEqualTo(2);
        assertThat(measured.errors()).isEqualTo(2);
        assertThat(measured.dropped()).isEqualTo(1);
        assertThat(measured.okPerSecond()).isEqualTo(1.0);
        assertThat(measured.fallbackShare()).isEqualTo(0.5);
        // Failed requests count in the latencies with the time they took to fail; dropped ones do not.
        assertThat(measured.latency().count()).isEqualTo(4);
        assertThat(measured.latency().maxMillis()).isEqualTo(4.0);
        assertThat(measured.modelLatency().count()).isEqualTo(1);
        assertThat(measured.modelLatency().millis(99)).isEqualTo(2.0);
        assertThat(measured.fallbackReasons()).containsExactly(Map.entry("no model", 1));
    }

    private static RateResult result(int rate, double p99, double fallbackShare) {
        return new RateResult(rate, 30, rate * 30, rate * 30, 0, 0, rate - 0.5, 0.5, 1.0, p99, 9.0,
                fallbackShare, 0.5, p99, Map.of("catalog unavailable: timed out", 3), 150.5, "production", 3.25, 1.8);
    }
}
