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
                "fallback_share", "model_p99_ms", "fallback_reasons", "candidates_ranked", "candidates_p50",
                "candidates_min", "load_average", "cpu_ms_per_request", "server_cpu_ms_per_request");
        assertThat(first.get("candidates_p50").asInt()).isEqualTo(148);
        assertThat(first.get("candidates_min").asInt()).isEqualTo(97);
        assertThat(first.get("cpu_ms_per_request").asDouble()).isEqualTo(0.75);
        assertThat(first.get("server_cpu_ms_per_request").asDouble()).isEqualTo(0.5);
        assertThat(first.get("rate").asInt()).isEqualTo(250);
        assertThat(first.get("p99_ms").asDouble()).isEqualTo(1.25);
        assertThat(array.get(1).get("fallback_share").asDouble()).isEqualTo(0.125);
        assertThat(array.get(1).get("adapters").asText()).isEqualTo("production");
    }

    @Test
    void writesNothingMeasuredAsNullRatherThanNaN() throws Exception {
        RateResult empty = new RateResult(10, 1, 0, 0, 0, 10, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Map.of(), 150, 150, 150, "embedded", 1.5, 0.5,
                Double.NaN, Double.NaN);

        JsonNode object = JSON.readTree(empty.toJson());

        assertThat(object.get("p99_ms").isNull()).isTrue();
        assertThat(object.get("fallback_share").isNull()).isTrue();
        assertThat(object.get("model_p99_ms").isNull()).isTrue();
        assertThat(object.get("fallback_reasons").isEmpty()).isTrue();
        assertThat(object.get("dropped").asInt()).isEqualTo(10);
        assertThat(object.get("cpu_ms_per_request").isNull()).isTrue();
    }

    @Test
    void escapesFallbackReasonsAsJsonStrings() throws Exception {
        RateResult result = new RateResult(10, 1, 10, 10, 0, 0, 10, 1, 1, 1, 1, 0.5, 1, 1,
                Map.of("catalog unavailable: \"items\" \\ timed out", 5), 150, 150, 150, "production", 1, 1, 1, 1);

        JsonNode reasons = JSON.readTree(result.toJson()).get("fallback_reasons");

        assertThat(reasons.get("catalog unavailable: \"items\" \\ timed out").asInt()).isEqualTo(5);
    }

    @Test
    void dividesCpuTimeByTheRequestsServedAndByTheWallTime() {
        // 1.5 s of CPU over 1,000 requests: 1.5 ms each; over 3 s of wall time: half a core.
        assertThat(CpuClock.msPerRequest(1_500_000_000L, 1_000)).isEqualTo(1.5);
        assertThat(CpuClock.cores(1_500_000_000L, 3_000_000_000L)).isEqualTo(0.5);
        assertThat(CpuClock.msPerRequest(1_500_000_000L, 0)).isNaN();
        assertThat(CpuClock.msPerRequest(-1, 1_000)).isNaN();
        assertThat(CpuClock.cores(1, 0)).isNaN();
    }

    @Test
    void countsOnlyTheLoadGeneratorsCpuSinceTheEarlierSample() {
        CpuClock.Sample before = new CpuClock.Sample(10_000, Map.of(1L, 100L, 2L, 200L));
        // Thread 2 ended (its time is lost), thread 3 started: 1 ran 50 ns, 3 ran 30 ns.
        CpuClock.Sample after = new CpuClock.Sample(20_000, Map.of(1L, 150L, 3L, 30L));

        assertThat(after.clientNanosSince(before)).isEqualTo(80);
    }

    @Test
    void sampleFindsTheCallingThreadAsLoadGeneratorAndTheProcessCpu() {
        CpuClock clock = new CpuClock(java.util.Set.of(Thread.currentThread().getId()), java.util.Set.of());
        CpuClock.Sample first = clock.sample();
        long spin = 0;
        for (int i = 0; i < 20_000_000; i++) {
            spin += i % 7;
        }
        CpuClock.Sample second = clock.sample();

        assertThat(spin).isPositive();
        assertThat(second.clientThreadNanos()).containsKey(Thread.currentThread().getId());
        assertThat(second.clientNanosSince(first)).isPositive();
        assertThat(second.processNanos()).isGreaterThan(first.processNanos());
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
                fallbackShare, 0.5, p99, Map.of("catalog unavailable: timed out", 3), 150.5, 148, 97,
                "production", 3.25, 1.8, 0.75, 0.5);
    }
}
