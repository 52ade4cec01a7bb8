package io.tandem.adapters.in.cli.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tandem.domain.evaluation.EvaluationReport;
import io.tandem.domain.evaluation.ModelEvaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation report as JSON: {@code {"dataset", "protocol", "k", "folds", "wall_seconds", "cpu_seconds",
 * "models": [{"name", "precision@10", ..., "coverage", "train_seconds"}]}}.
 */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static Map<String, Object> tree(EvaluationReport report, double wallSeconds, double cpuSeconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", report.dataset());
        root.put("protocol", report.protocol());
        root.put("k", report.k());
        root.put("folds", report.folds());
        root.put("wall_seconds", round(wallSeconds));
        root.put("cpu_seconds", round(cpuSeconds));
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelEvaluation model : report.models()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", model.name());
            model.metrics().forEach(row::put);
            row.put("train_seconds", round(model.trainSeconds()));
            models.add(row);
        }
        root.put("models", models);
        return root;
    }

    static void write(Path file, EvaluationReport report, double wallSeconds, double cpuSeconds) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), tree(report, wallSeconds, cpuSeconds));
    }

    /** Timings to the millisecond: more digits would only differ from run to run. */
    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }
}
