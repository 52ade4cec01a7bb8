package io.tandem.adapters.in.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one open-loop rate measured. Latencies run from each request's due time to its answer (or its failure),
 * over every request sent; {@code errors} are answers other than 200 and failures (timeouts, refused connections),
 * {@code dropped} requests were never sent because too many were already waiting, {@code fallbackShare} is the
 * share of 200 answers the rule-based fallback gave, with its most frequent reasons; the model's own answers have
 * their own percentiles. {@code candidatesRanked}, {@code candidatesP50} and {@code candidatesMin} are the
 * candidates the model ranked per request (mean, median, least) over the probed users. {@code loadAverage} is the
 * machine's one-minute load average at the end of the run, {@code cpuCores} the CPU this process used during it
 * divided by its wall time (server and load generator share the process), {@code cpuMsPerRequest} that CPU time
 * over the requests answered 200, and {@code serverCpuMsPerRequest} the same without the load generator's threads
 * (see {@link CpuClock}): the steady figure to compare runs and commits by, where latency is noisy.
 */
record RateResult(int rate, int seconds, int sent, int ok, int errors, int dropped, double achievedRps,
                  double p50Ms, double p95Ms, double p99Ms, double maxMs, double fallbackShare,
                  double modelP50Ms, double modelP99Ms, Map<String, Integer> fallbackReasons,
                  double candidatesRanked, int candidatesP50, int candidatesMin, String adapters,
                  double loadAverage, double cpuCores, double cpuMsPerRequest, double serverCpuMsPerRequest) {

    RateResult {
        fallbackReasons = Collections.unmodifiableMap(new LinkedHashMap<>(fallbackReasons));
    }

    /** One JSON object; NaN (nothing measured) is written as null. */
    String toJson() {
        return "{\"rate\":" + rate
                + ",\"seconds\":" + seconds
                + ",\"sent\":" + sent
                + ",\"ok\":" + ok
                + ",\"achieved_rps\":" + number(achievedRps, 1)
                + ",\"p50_ms\":" + number(p50Ms, 2)
                + ",\"p95_ms\":" + number(p95Ms, 2)
                + ",\"p99_ms\":" + number(p99Ms, 2)
                + ",\"max_ms\":" + number(maxMs, 2)
                + ",\"errors\":" + errors
                + ",\"dropped\":" + dropped
                + ",\"fallback_share\":" + number(fallbackShare, 4)
                + ",\"model_p50_ms\":" + number(modelP50Ms, 2)
                + ",\"model_p99_ms\":" + number(modelP99Ms, 2)
                + ",\"fallback_reasons\":" + fallbackReasons.entrySet().stream()
                        .map(e -> string(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}"))
                + ",\"candidates_ranked\":" + number(candidatesRanked, 1)
                + ",\"candidates_p50\":" + candidatesP50
                + ",\"candidates_min\":" + candidatesMin
                + ",\"adapters\":" + string(adapters)
                + ",\"load_average\":" + number(loadAverage, 2)
                + ",\"cpu_cores\":" + number(cpuCores, 2)
                + ",\"cpu_ms_per_request\":" + number(cpuMsPerRequest, 3)
                + ",\"server_cpu_ms_per_request\":" + number(serverCpuMsPerRequest, 3)
                + '}';
    }

    /** The results as a JSON array, one object per line. */
    static String toJson(List<RateResult> results) {
        return results.stream().map(RateResult::toJson).collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
    }

    private static String string(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
