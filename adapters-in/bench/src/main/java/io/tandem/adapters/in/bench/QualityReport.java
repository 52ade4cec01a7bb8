package io.tandem.adapters.in.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of {@code bench quality}: served beside offline, per split and as the mean over splits. */
final class QualityReport {

    private QualityReport() {
    }

    static void record(ServedQuality served, Map<String, Double> offline, Map<String, Object> result) {
        Map<String, Double> means = served.means();
        result.put("users", served.users());
        result.put("served", Rounding.rounded(means));
        result.put("offline", Rounding.rounded(offlineOf(means, offline)));
        result.put("ratio", Rounding.rounded(ratios(means, offline)));
        result.put("already_seen_items", served.alreadySeenItems());
        result.put("already_seen_users", served.alreadySeenUsers());
        result.put("unknown_items", served.unknownItems());
        result.put("short_lists", served.shortLists());
        result.put("errors", served.errors());
        if (served.errors() > 0) {
            result.put("first_error", served.firstError());
        }
        result.put("fallbacks", served.fallbacks());
        result.put("fallback_share", Rounding.round(served.fallbackShare(), 4));
        result.put("fallback_reasons", served.fallbackReasons());
        LatencyPercentiles latency = served.latency();
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("p50", Rounding.round(latency.millis(50), 2));
        millis.put("p95", Rounding.round(latency.millis(95), 2));
        millis.put("p99", Rounding.round(latency.millis(99), 2));
        millis.put("max", Rounding.round(latency.maxMillis(), 2));
        result.put("latency_ms", millis);
    }

    /** The served metrics that the offline report also has, in the served order. */
    private static Map<String, Double> offlineOf(Map<String, Double> served, Map<String, Double> offline) {
        Map<String, Double> same = new LinkedHashMap<>();
        served.keySet().forEach(name -> same.put(name, offline.getOrDefault(name, Double.NaN)));
        return same;
    }

    private static Map<String, Double> ratios(Map<String, Double> served, Map<String, Double> offline) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        served.forEach((name, value) -> {
            double reference = offline.getOrDefault(name, Double.NaN);
            ratios.put(name, reference > 0 ? value / reference : Double.NaN);
        });
        return ratios;
    }

    static void print(QualitySplit split, ServedQuality served, Map<String, Double> offline, PrintStream out) {
        Map<String, Double> means = served.means();
        out.printf(Locale.ROOT, "%n%s: %,d users asked, metrics at %d%n", name(split), served.users(),
                BenchQualityCommand.K);
        out.printf(Locale.ROOT, "  %-14s %9s %9s %15s%n", "metric", "served", "offline", "served/offline");
        means.forEach((name, value) -> {
            double reference = offline.getOrDefault(name, Double.NaN);
            out.printf(Locale.ROOT, "  %-14s %9.4f %9.4f %15.3f%n", name, value, reference,
                    reference > 0 ? value / reference : Double.NaN);
        });
        LatencyPercentiles latency = served.latency();
        out.printf(Locale.ROOT, "  already seen: %d items for %d users; short lists: %d; unknown items: %d; "
                        + "errors: %d%n", served.alreadySeenItems(), served.alreadySeenUsers(), served.shortLists(),
                served.unknownItems(), served.errors());
        out.printf(Locale.ROOT, "  fallback: %.1f%% %s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n%n",
                served.fallbackShare() * 100, served.fallbackReasons(), latency.millis(50), latency.millis(95),
                latency.millis(99));
    }

    /** For example "ml-100k folds u1", or "ml-100k temporal" where the split is the whole protocol. */
    static String name(QualitySplit split) {
        String name = split.dataset() + " " + split.protocol();
        return split.label().equals(split.protocol()) ? name : name + " " + split.label();
    }

    @SuppressWarnings("unchecked")
    static void printMean(List<Map<String, Object>> runs, PrintStream out) {
        Map<String, Object> mean = mean(runs);
        Map<String, Double> served = (Map<String, Double>) mean.get("served");
        Map<String, Double> offline = (Map<String, Double>) mean.get("offline");
        out.printf(Locale.ROOT, "Mean over %d splits:%n  %-14s %9s %9s %15s%n", runs.size(), "metric", "served",
                "offline", "served/offline");
        served.forEach((name, value) -> out.printf(Locale.ROOT, "  %-14s %9.4f %9.4f %15.3f%n", name, value,
                offline.get(name), value / offline.get(name)));
    }

    /** The mean over runs of the served and offline metrics, and the sums of the counts. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mean(List<Map<String, Object>> runs) {
        Map<String, Object> mean = new LinkedHashMap<>();
        for (String part : List.of("served", "offline")) {
            Map<String, Double> sums = new LinkedHashMap<>();
            for (Map<String, Object> run : runs) {
                ((Map<String, Double>) run.get(part)).forEach((name, value) -> sums.merge(name, value, Double::sum));
            }
            sums.replaceAll((name, sum) -> Rounding.round(sum / runs.size(), 4));
            mean.put(part, sums);
        }
        for (String count : List.of("already_seen_items", "already_seen_users", "short_lists", "errors",
                "fallbacks")) {
            mean.put(count + "_total", runs.stream().mapToInt(run -> (Integer) run.get(count)).sum());
        }
        return mean;
    }
}
