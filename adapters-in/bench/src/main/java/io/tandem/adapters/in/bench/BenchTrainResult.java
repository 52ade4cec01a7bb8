package io.tandem.adapters.in.bench;

import io.tandem.application.training.port.in.TrainingReport;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What one {@code bench train} run measured, printed as a table and written as JSON. */
record BenchTrainResult(long eventsAsked, int items, int users, long seed, long eventsGenerated, double loadSeconds,
                        TrainingReport report, List<BenchTrainStages.Stage> stages, double trainSeconds,
                        double trainCpuSeconds, long peakHeapMb, long liveAfterGcMb, long maxHeapMb, long gcCount,
                        double gcSeconds, double loadAverageBefore, double loadAverageAfter) {

    BenchTrainResult(long eventsAsked, int items, int users, long seed, long eventsGenerated, double loadSeconds,
                     TrainingReport report, BenchTrainStages measured, long peakHeapMb, long liveAfterGcMb,
                     long maxHeapMb, long gcCount, double gcSeconds, double loadAverageBefore,
                     double loadAverageAfter) {
        this(eventsAsked, items, users, seed, eventsGenerated, loadSeconds, report, measured.stages(),
                measured.wallSeconds(), measured.cpuSeconds(), peakHeapMb, liveAfterGcMb, maxHeapMb, gcCount,
                gcSeconds, loadAverageBefore, loadAverageAfter);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%n%-60s %9s %9s%n", "stage", "wall s", "cpu s");
        for (BenchTrainStages.Stage stage : stages) {
            out.printf(Locale.ROOT, "%-60s %9.1f %9.1f%n", shorten(stage.name()), stage.wallSeconds(),
                    stage.cpuSeconds());
        }
        out.printf(Locale.ROOT, "%-60s %9.1f %9.1f%n", "training run", trainSeconds, trainCpuSeconds);
        out.printf(Locale.ROOT, "%nevents %,d generated (%,d asked), %,d positive interactions (%,d before the cut, "
                        + "%,d held out), %,d users, %,d items; %,d hold-out users evaluated%n", eventsGenerated,
                eventsAsked, report.trainingRows() + report.holdOutRows(), report.trainingRows(),
                report.holdOutRows(), report.users(), report.items(), report.evaluatedUsers());
        out.printf(Locale.ROOT, "load into the lake %.1f s; heap: peak %,d MB (pool peaks), largest after a collection "
                        + "%,d MB, limit %,d MB; %d collections, %.1f s; load average %.2f before, %.2f after%n",
                loadSeconds, peakHeapMb, liveAfterGcMb, maxHeapMb, gcCount, gcSeconds, loadAverageBefore,
                loadAverageAfter);
        out.printf(Locale.ROOT, "metrics on %s: %s%n", report.version().metrics().holdOut(),
                metrics().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "version %s %s; %s%n", report.version().version(),
                report.promoted() ? "champion" : "candidate", report.version().metadata());
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{");
        json.append(String.format(Locale.ROOT, "\"events_asked\":%d,\"events\":%d,\"items\":%d,\"users\":%d,"
                        + "\"seed\":%d,\"load_seconds\":%.3f,\"train_seconds\":%.3f,\"train_cpu_seconds\":%.3f,"
                        + "\"peak_heap_mb\":%d,\"live_after_gc_mb\":%d,\"max_heap_mb\":%d,\"gc_count\":%d,"
                        + "\"gc_seconds\":%.3f,\"load_average_before\":%.2f,\"load_average_after\":%.2f,"
                        + "\"interactions\":%d,\"training_rows\":%d,\"hold_out_rows\":%d,\"model_users\":%d,"
                        + "\"model_items\":%d,\"evaluated_users\":%d,", eventsAsked, eventsGenerated, items, users,
                seed, loadSeconds, trainSeconds, trainCpuSeconds, peakHeapMb, liveAfterGcMb, maxHeapMb, gcCount,
                gcSeconds, loadAverageBefore, loadAverageAfter, report.trainingRows() + report.holdOutRows(),
                report.trainingRows(), report.holdOutRows(), report.users(), report.items(),
                report.evaluatedUsers()));
        json.append("\"stages\":[");
        for (int s = 0; s < stages.size(); s++) {
            BenchTrainStages.Stage stage = stages.get(s);
            json.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"stage\":%s,\"wall_seconds\":%.3f,\"cpu_seconds\":%.3f}", quote(stage.name()),
                    stage.wallSeconds(), stage.cpuSeconds()));
        }
        json.append("],\"hold_out\":").append(quote(report.version().metrics().holdOut())).append(",\"metrics\":{");
        json.append(metrics().entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + String.format(Locale.ROOT, "%.6f", e.getValue()))
                .collect(Collectors.joining(",")));
        json.append("},\"metadata\":{");
        json.append(report.version().metadata().entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",")));
        return json.append("}}").toString();
    }

    private Map<String, Double> metrics() {
        return new java.util.TreeMap<>(report.version().metrics().values());
    }

    private static String shorten(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
