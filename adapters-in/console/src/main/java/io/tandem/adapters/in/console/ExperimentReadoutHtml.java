package io.tandem.adapters.in.console;

import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.VariantComparison;
import io.tandem.application.experiment.port.in.VariantFigures;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.readout.InterleavingReadout;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.SampleRatio;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * An experiment's read-out as HTML for the experiments page: the sample-ratio check, each group's figures with their
 * intervals and guardrails, and each challenger's sequential verdict with its reasons; and how the page writes
 * variants, times and intervals.
 */
final class ExperimentReadoutHtml {

    private ExperimentReadoutHtml() {
    }

    static void readout(ExperimentReport report, StringBuilder body) {
        body.append("<h2>Read-out</h2><section id=\"readout\">");
        SampleRatio ratio = report.sampleRatio();
        if (ratio.mismatch()) {
            body.append("<p class=\"warn\" id=\"srm-warning\">Sample ratio mismatch: the users each group received "
                    + "do not match the configured shares (always-valid p = ").append(format(ratio.alwaysValidPValue()))
                    .append("). Assignment or logging is skewed; no figure below can be trusted.</p>");
        } else {
            body.append("<p class=\"note\" id=\"srm-ok\">Sample ratio as configured (always-valid p = ")
                    .append(format(ratio.alwaysValidPValue())).append("; chi-squared p = ")
                    .append(format(ratio.pValue())).append(").</p>");
        }
        if (report.groups().isEmpty()) {
            body.append("<p class=\"note\" id=\"no-served-lists\">No served lists yet.</p>");
        } else {
            body.append("<p class=\"note\">Over the whole experiment, ").append(VariantFigures.CONFIDENCE_PERCENT)
                    .append(" % fixed-horizon intervals (the delta method over users; Wilson for the fallback "
                            + "share). Only the always-valid test below decides.</p><div class=\"scroll\">"
                            + "<table id=\"variants\"><thead><tr><th>Group</th><th>Users</th><th>Impressions</th>"
                            + "<th>CTR</th><th>Conversion</th><th>p99 latency (ms)</th><th>Fallback share</th>"
                            + "</tr></thead><tbody>");
            for (VariantFigures figures : report.groups()) {
                OnlineMetrics metrics = figures.metrics();
                body.append("<tr data-variant=\"").append(Html.text(metrics.variant())).append("\"><td>")
                        .append(Html.text(metrics.variant())).append("</td><td class=\"num\">")
                        .append(Html.number(metrics.users())).append("</td><td class=\"num impressions\">")
                        .append(Html.number(metrics.counts().impressions())).append("</td><td class=\"num ctr\">")
                        .append(ratio(metrics.counts().clickThroughRate(), figures.clickThroughRate()))
                        .append("</td><td class=\"num\">")
                        .append(ratio(metrics.counts().conversionRate(), figures.conversionRate()))
                        .append("</td><td class=\"num\">").append(Html.number(metrics.guardrails().p99LatencyMillis()))
                        .append("</td><td class=\"num\">")
                        .append(ratio(metrics.guardrails().fallbackShare(), figures.fallbackShare()))
                        .append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        for (VariantComparison comparison : report.comparisons()) {
            body.append("<div class=\"comparison\" data-challenger=\"").append(Html.text(comparison.challenger()))
                    .append("\"><p><strong>").append(Html.text(comparison.challenger())).append("</strong> against ")
                    .append(Html.text(comparison.control())).append(" on ").append(report.metric().wireName())
                    .append(": <span class=\"verdict\">").append(comparison.verdict().wireName())
                    .append("</span> after ").append(comparison.test().looks()).append(" looks, always-valid p = ")
                    .append(format(comparison.test().pValue())).append(", difference in ")
                    .append(interval(comparison.test().interval())).append("</p><ul>");
            comparison.reasons().forEach(reason -> body.append("<li>").append(Html.text(reason)).append("</li>"));
            body.append("</ul></div>");
        }
        report.interleaving().ifPresent(readout -> interleaving(report, readout, body));
        body.append("</section>");
    }

    /** Wins, ties and the preference of an interleaving experiment, beside its one comparison. */
    private static void interleaving(ExperimentReport report, InterleavingReadout readout, StringBuilder body) {
        String control = report.experiment().variants().get(0).name();
        String challenger = report.experiment().variants().get(1).name();
        body.append("<div class=\"scroll\"><table id=\"interleaving\"><thead><tr><th>Users</th><th>Requests</th>"
                + "<th>Won by ").append(Html.text(challenger)).append("</th><th>Won by ").append(Html.text(control))
                .append("</th><th>Ties</th><th>").append(Html.text(challenger))
                .append("'s share of decisive requests (Wilson 95 %)</th><th>Sign test p</th><th>Preference "
                        + "(always-valid)</th></tr></thead><tbody><tr><td class=\"num\">")
                .append(Html.number(readout.users())).append("</td><td class=\"num\">")
                .append(Html.number(readout.counts().requests())).append("</td><td class=\"num wins-challenger\">")
                .append(Html.number(readout.counts().winsB())).append("</td><td class=\"num wins-control\">")
                .append(Html.number(readout.counts().winsA())).append("</td><td class=\"num\">")
                .append(Html.number(readout.counts().ties())).append("</td><td class=\"num\">")
                .append(ratio(readout.shareOfBWins(), readout.shareOfB())).append("</td><td class=\"num\">")
                .append(format(readout.signTestP())).append("</td><td class=\"num\">")
                .append(readout.preference().map(p -> ratio(p.value(), readout.test().interval())).orElse("–"))
                .append("</td></tr></tbody></table></div>");
    }

    static String variant(Variant variant) {
        String model = variant.model() instanceof VariantModel.Version pinned
                ? pinned.ref().name() + " " + pinned.ref().version()
                : variant.model() instanceof VariantModel.Champion ? "champion" : "fallback";
        return variant.name() + " " + Html.number(variant.share()) + " " + model;
    }

    static String time(Optional<Instant> at) {
        return at.map(ConsoleModelsController.TIME::format).orElse("–");
    }

    static String ratio(double value, Interval interval) {
        return format(value) + " " + interval(interval);
    }

    static String interval(Interval interval) {
        return "[" + end(interval.low()) + ", " + end(interval.high()) + "]";
    }

    static String end(double value) {
        return Double.isInfinite(value) ? (value < 0 ? "−∞" : "∞") : format(value);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
