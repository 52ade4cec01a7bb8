package io.tandem.adapters.in.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.PrintStream;
import java.util.Locale;

/** The stage breakdown of {@code bench serve} as a table on the terminal and as one JSON object. */
final class StageReport {

    private StageReport() {
    }

    static void print(StageBreakdown.Result result, double candidatesRanked, PrintStream out) {
        out.printf(Locale.ROOT, "Stage breakdown, in-process, one thread, %,d requests (%,d answered by the fallback "
                        + "and left out; %.0f candidates ranked on average; ranker artifact %,d bytes; %,d stack "
                        + "samples):%n", result.requests(), result.fallbacks().values().stream().mapToInt(n -> n).sum(),
                candidatesRanked, result.rankerBytes(), result.samples());
        result.fallbacks().forEach((reason, n) -> out.printf("  fallback: %,d x %s%n", n, reason));
        result.failures().forEach((piece, failed) -> out.printf(Locale.ROOT, "  failed: %,d of %,d calls of %s, "
                + "left out of its times (first: %s)%n", failed.count(), result.requests(), piece, failed.first()));
        out.printf("  %-38s %10s %10s %10s %9s %12s%n", "stage", "mean ms", "p50 ms", "p99 ms", "sampled",
                "sampled ms");
        for (Stage stage : Stage.values()) {
            StageBreakdown.Timing timing = result.direct().get(stage);
            double share = result.shares().getOrDefault(stage, 0.0);
            out.printf(Locale.ROOT, "  %-38s %10s %10s %10s %8.1f%% %12.3f%n", stage.label,
                    timing == null ? "-" : format(timing.meanMs()), timing == null ? "-" : format(timing.p50Ms()),
                    timing == null ? "-" : format(timing.p99Ms()), share * 100, share * result.total().meanMs());
        }
        out.printf(Locale.ROOT, "  %-38s %10s %10s %10s%n", "whole use case (no HTTP)", format(result.total().meanMs()),
                format(result.total().p50Ms()), format(result.total().p99Ms()));
        out.printf(Locale.ROOT, "  %-38s %10s %10s %10s%n", "HTTP round trip, one at a time",
                format(result.roundTrip().meanMs()), format(result.roundTrip().p50Ms()),
                format(result.roundTrip().p99Ms()));
        out.printf(Locale.ROOT, "  %-38s %10s %10s %10s%n", "ONNX scoring of " + result.scoringRows() + " rows",
                format(result.scoringAt().meanMs()), format(result.scoringAt().p50Ms()),
                format(result.scoringAt().p99Ms()));
        out.println("  (direct: the port called alone with that request's inputs; sampled: share of the use case's "
                + "stack samples in the stage, times its mean)");
    }

    /** The stage breakdown as one JSON object. */
    static String toJson(StageBreakdown.Result result, double candidatesRanked) {
        StringBuilder json = new StringBuilder("{\"requests\":").append(result.requests())
                .append(",\"fallbacks\":").append(result.fallbacks().values().stream().mapToInt(n -> n).sum())
                .append(",\"failures\":").append(failures(result))
                .append(",\"ranker_bytes\":").append(result.rankerBytes())
                .append(",\"candidates_ranked\":").append(String.format(Locale.ROOT, "%.1f", candidatesRanked))
                .append(",\"total\":").append(json(result.total()))
                .append(",\"stages\":[");
        for (Stage stage : Stage.values()) {
            double share = result.shares().getOrDefault(stage, 0.0);
            json.append(stage.ordinal() == 0 ? "" : ",").append("{\"stage\":\"").append(stage.label).append('"')
                    .append(",\"direct\":").append(result.direct().containsKey(stage)
                            ? json(result.direct().get(stage)) : "null")
                    .append(String.format(Locale.ROOT, ",\"sampled_share\":%.4f,\"sampled_ms\":%.3f}", share,
                            share * result.total().meanMs()));
        }
        return json.append("],\"scoring_rows\":").append(result.scoringRows())
                .append(",\"scoring_at_rows\":").append(json(result.scoringAt()))
                .append(",\"http_one_at_a_time\":").append(json(result.roundTrip()))
                .append(",\"samples\":").append(result.samples()).append('}').toString();
    }

    /** {@code {"online-store read":{"count":3,"first":"..."}}}: the pieces with failed calls. */
    private static String failures(StageBreakdown.Result result) {
        StringBuilder json = new StringBuilder("{");
        result.failures().forEach((piece, failed) -> json.append(json.length() == 1 ? "" : ",")
                .append(quoted(piece)).append(":{\"count\":").append(failed.count())
                .append(",\"first\":").append(quoted(failed.first())).append('}'));
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** Null when nothing was timed (every call failed). */
    private static String json(StageBreakdown.Timing timing) {
        if (Double.isNaN(timing.meanMs())) {
            return "null";
        }
        return String.format(Locale.ROOT, "{\"mean_ms\":%.3f,\"p50_ms\":%.3f,\"p99_ms\":%.3f}", timing.meanMs(),
                timing.p50Ms(), timing.p99Ms());
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }
}
