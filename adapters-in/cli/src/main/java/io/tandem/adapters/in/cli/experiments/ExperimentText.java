package io.tandem.adapters.in.cli.experiments;

import io.tandem.application.experiment.port.in.ExperimentDecisions;
import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.RecomputedMetrics;
import io.tandem.application.experiment.port.in.VariantComparison;
import io.tandem.application.experiment.port.in.VariantFigures;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.decision.VariantEvidence;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.SampleRatio;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Experiments and their read-outs as the terminal shows them: one line an experiment, one row a group and day. */
final class ExperimentText {

    private static final String ROW = "%-10s %-10s %7s %8s %11s  %-26s %-26s %-26s %7s %7s %8s %7s  %s%n";

    private ExperimentText() {
    }

    /** {@code ab-1  running  surface home  started 2026-12-07T09:00:00Z  a 0.5 champion | b 0.5 fallback}. */
    /** One line saying what a rebuild from the lake read and saved. */
    static String line(RecomputedMetrics recomputed) {
        return "recomputed " + recomputed.experiment() + " from the lake: " + recomputed.servedLists()
                + " served lists (" + recomputed.from() + ".." + recomputed.servedTo() + "), "
                + recomputed.attributedEvents() + " attributed events (to " + recomputed.eventsTo() + "), "
                + recomputed.cells().size() + " cells saved";
    }

    static String line(Experiment experiment) {
        List<String> parts = new ArrayList<>(List.of(experiment.name(), experiment.status().wireName(),
                "surface " + experiment.surface().orElse("*")));
        if (experiment.interleaving()) {
            parts.add("design interleaving");
        }
        if (!experiment.salt().equals(experiment.name())) {
            parts.add("salt " + experiment.salt());
        }
        experiment.holdout().ifPresent(share -> parts.add("holdout " + number(share)));
        experiment.startedAt().ifPresent(at -> parts.add("started " + seconds(at)));
        experiment.stoppedAt().ifPresent(at -> parts.add("stopped " + seconds(at)));
        if (experiment.autoPromote()) {
            parts.add("auto-promote");
        }
        parts.add(experiment.variants().stream().map(ExperimentText::variant).collect(Collectors.joining(" | ")));
        return String.join("  ", parts);
    }

    /** The experiment's line, then its read-out: figures per group and day, the sample ratio, the decisions. */
    static void print(PrintStream out, ExperimentReport report) {
        out.println(line(report.experiment()));
        out.printf(Locale.ROOT, "Read at %s; decided on %s; catalogue of %d items; intervals %d %% (delta method "
                + "over users, Wilson for the fallback share).%n", seconds(report.readAt()), report.metric().wireName(),
                report.catalogItems(), VariantFigures.CONFIDENCE_PERCENT);
        if (report.groups().isEmpty()) {
            out.println("No served lists yet.");
        } else {
            out.printf(Locale.ROOT, ROW, "VARIANT", "DAY", "USERS", "REQUESTS", "IMPRESSIONS", "CTR", "CONVERSION",
                    "VALUE/IMPRESSION", "NDCG", "MRR", "COVERAGE", "P99 MS", "FALLBACK");
            for (VariantFigures group : report.groups()) {
                row(out, group);
                report.days().stream().filter(day -> day.metrics().variant().equals(group.metrics().variant()))
                        .forEach(day -> row(out, day));
            }
        }
        SampleRatio ratio = report.sampleRatio();
        out.printf(Locale.ROOT, "Sample ratio: %s (always-valid p = %.3g; chi-squared %.2f, p = %.3g)%n",
                ratio.mismatch() ? "MISMATCH, assignment or logging is skewed" : "as configured",
                ratio.alwaysValidPValue(), ratio.chiSquare(), ratio.pValue());
        for (VariantComparison comparison : report.comparisons()) {
            out.printf(Locale.ROOT, "%s against %s: %s after %d looks, p = %.3g, difference in %s%n",
                    comparison.challenger(), comparison.control(), comparison.verdict().wireName(),
                    comparison.test().looks(), comparison.test().pValue(), interval(comparison.test().interval()));
            comparison.reasons().forEach(reason -> out.println("  " + reason));
        }
        report.interleaving().ifPresent(readout -> out.printf(Locale.ROOT, "Interleaving: %d users, %d requests: "
                + "%d won by %s, %d by %s, %d ties; %s's share of decisive requests %s (Wilson), sign test p = %.3g; "
                + "preference %s%n", readout.users(), readout.counts().requests(), readout.counts().winsB(),
                report.experiment().variants().get(1).name(), readout.counts().winsA(),
                report.experiment().variants().get(0).name(), readout.counts().ties(),
                report.experiment().variants().get(1).name(), ratio(readout.shareOfBWins(), readout.shareOfB()),
                readout.signTestP(), readout.preference().map(p -> number(p.value()) + " in always-valid "
                        + interval(readout.test().interval())).orElse("not looked at yet")));
    }

    /** The experiment's line, then each decision on record with its evidence, then what is still pending. */
    static void print(PrintStream out, ExperimentDecisions decisions) {
        out.println(line(decisions.experiment()));
        for (ExperimentDecision d : decisions.decisions()) {
            out.printf(Locale.ROOT, "%s/%s (%s against %s): %s at %s%n", d.version().name(), d.version().version(),
                    d.challenger().variant(), d.control().variant(), d.outcome().wireName().toUpperCase(Locale.ROOT),
                    seconds(d.decidedAt()));
            for (VariantEvidence v : List.of(d.control(), d.challenger())) {
                out.printf(Locale.ROOT, "  %-10s users %d, impressions %d, %s %s, p99 %.1f ms, fallback %s%n",
                        v.variant(), v.users(), v.impressions(), d.metric().wireName(),
                        ratio(v.metric(), v.metricInterval()), v.p99LatencyMillis(), number(v.fallbackShare()));
            }
            out.printf(Locale.ROOT, "  difference %s, always-valid interval %s, p = %.3g after %d looks; sample ratio "
                    + "%s (p = %.3g); guardrails %s; offline gate %s%n",
                    d.difference().isPresent() ? number(d.difference().getAsDouble()) : "-",
                    interval(d.alwaysValidInterval()), d.alwaysValidPValue(), d.looks(),
                    d.sampleRatioMismatch() ? "MISMATCH" : "as configured", d.sampleRatioPValue(),
                    d.guardrailsHeld() ? "held" : "BROKEN", d.offlineGatePassed() ? "passed" : "not passed");
            out.println("  " + d.reason());
        }
        if (decisions.decided()) {
            out.println(decisions.decisions().isEmpty() ? "Decided." : "Decided; the evidence is kept with each "
                    + "version (GET /v1/models/NAME/versions).");
        } else {
            out.println("Not decided yet:");
            decisions.pending().forEach(reason -> out.println("  " + reason));
        }
    }

    private static void row(PrintStream out, VariantFigures figures) {
        OnlineMetrics metrics = figures.metrics();
        out.printf(Locale.ROOT, ROW, metrics.variant(), metrics.day().map(LocalDate::toString).orElse("total"),
                metrics.users(), metrics.counts().requests(), metrics.counts().impressions(),
                ratio(metrics.counts().clickThroughRate(), figures.clickThroughRate()),
                ratio(metrics.counts().conversionRate(), figures.conversionRate()),
                ratio(metrics.counts().valuePerImpression(), figures.valuePerImpression()),
                number(metrics.quality().meanNdcg()), number(metrics.quality().meanReciprocalRank()),
                figures.coverage().isPresent() ? number(figures.coverage().getAsDouble()) : "-",
                String.format(Locale.ROOT, "%.1f", metrics.guardrails().p99LatencyMillis()),
                ratio(metrics.guardrails().fallbackShare(), figures.fallbackShare()));
    }

    private static String variant(Variant variant) {
        String model;
        if (variant.model() instanceof VariantModel.Version pinned) {
            model = pinned.ref().name() + "/" + pinned.ref().version();
        } else {
            model = variant.model() instanceof VariantModel.Champion ? "champion" : "fallback";
        }
        List<String> options = new ArrayList<>();
        ServingOptions set = variant.options();
        set.diversity().ifPresent(value -> options.add("diversity " + number(value)));
        set.explorationPlaces().ifPresent(value -> options.add("exploration places " + value));
        set.candidatesPerRetriever().ifPresent(value -> options.add("candidates " + value));
        return variant.name() + " " + number(variant.share()) + " " + model
                + (options.isEmpty() ? "" : " (" + String.join(", ", options) + ")");
    }

    private static String ratio(double value, Interval interval) {
        return number(value) + " " + interval(interval);
    }

    private static String interval(Interval interval) {
        return "[" + end(interval.low()) + ", " + end(interval.high()) + "]";
    }

    private static String end(double value) {
        return Double.isInfinite(value) ? (value < 0 ? "-inf" : "inf") : number(value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
