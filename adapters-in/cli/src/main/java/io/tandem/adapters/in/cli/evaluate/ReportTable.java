package io.tandem.adapters.in.cli.evaluate;

import io.tandem.domain.evaluation.EvaluationReport;
import io.tandem.domain.evaluation.ModelEvaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The evaluation report as a fixed-width table for the terminal, one row per model. */
final class ReportTable {

    private ReportTable() {
    }

    static String format(EvaluationReport report) {
        List<String> metrics = new ArrayList<>(report.models().isEmpty() ? List.of()
                : report.models().get(0).metrics().keySet());
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%s, protocol %s, %d fold%s, metrics at %d%n", report.dataset(),
                report.protocol(), report.folds(), report.folds() == 1 ? "" : "s", report.k()));
        table.append(String.format(Locale.ROOT, "%-12s", "model"));
        for (String metric : metrics) {
            table.append(String.format(Locale.ROOT, " %12s", metric));
        }
        table.append(String.format(Locale.ROOT, " %12s%n", "train s"));
        for (ModelEvaluation model : report.models()) {
            table.append(String.format(Locale.ROOT, "%-12s", model.name()));
            for (String metric : metrics) {
                table.append(String.format(Locale.ROOT, " %12.4f", model.metrics().getOrDefault(metric, Double.NaN)));
            }
            table.append(String.format(Locale.ROOT, " %12.2f%n", model.trainSeconds()));
        }
        return table.toString();
    }
}
