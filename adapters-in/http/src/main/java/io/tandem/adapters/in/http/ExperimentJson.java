package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.VariantComparison;
import io.tandem.application.experiment.port.in.VariantFigures;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.EngagementCounts;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.experiment.statistics.SampleRatio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The JSON shapes of the experiments API. A variant's {@code model} is written as it is read: an object
 * {@code {"name","version"}} for a pinned version, the text {@code "champion"}, or null for the rule-based fallback.
 * Times are ISO-8601; an absent value, and an unbounded interval end, is null.
 */
final class ExperimentJson {

    static final String CHAMPION = "champion";

    private ExperimentJson() {
    }

    /** One experiment as stored. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Experiment(String name, String salt, String surface, Double holdout, String status, String startedAt,
                      String stoppedAt, boolean autoPromote, String design, List<Variant> variants) {

        static Experiment from(io.tandem.domain.experiment.Experiment experiment) {
            return new Experiment(experiment.name(), experiment.salt(), experiment.surface().orElse(null),
                    boxed(experiment.holdout()), experiment.status().wireName(),
                    experiment.startedAt().map(Instant::toString).orElse(null),
                    experiment.stoppedAt().map(Instant::toString).orElse(null), experiment.autoPromote(),
                    experiment.design().wireName(), experiment.variants().stream().map(Variant::from).toList());
        }
    }

    /** One variant; {@code model} is a {@link Model}, {@value #CHAMPION} or null (see the class comment). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Variant(String name, double share, Object model, Options options) {

        static Variant from(io.tandem.domain.experiment.Variant variant) {
            Object model = variant.model() instanceof VariantModel.Version pinned
                    ? new Model(pinned.ref().name(), pinned.ref().version())
                    : variant.model() instanceof VariantModel.Champion ? CHAMPION : null;
            ServingOptions options = variant.options();
            return new Variant(variant.name(), variant.share(), model, new Options(boxed(options.diversity()),
                    boxed(options.explorationPlaces()), boxed(options.candidatesPerRetriever())));
        }
    }

    /** A pinned model version. */
    @Serdeable
    record Model(String name, String version) {
    }

    /** A variant's serving options; null keeps the instance's setting. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Options(Double diversity, Integer explorationPlaces, Integer candidatesPerRetriever) {
    }

    /** {@code GET /v1/experiments}. */
    @Serdeable
    record Listing(List<Experiment> experiments) {
    }

    /** {@code GET /v1/experiments/{name}}: the experiment as stored, with its read-out. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Shown(String name, String salt, String surface, Double holdout, String status, String startedAt,
                 String stoppedAt, boolean autoPromote, String design, List<Variant> variants, Readout readout) {

        static Shown from(ExperimentReport report) {
            Experiment experiment = Experiment.from(report.experiment());
            return new Shown(experiment.name(), experiment.salt(), experiment.surface(), experiment.holdout(),
                    experiment.status(), experiment.startedAt(), experiment.stoppedAt(), experiment.autoPromote(),
                    experiment.design(), experiment.variants(),
                    Readout.from(report));
        }
    }

    /**
     * The read-out: each group's figures over the whole experiment and per day, the sample-ratio check and each
     * challenger's decision against the control; an interleaving experiment's one group is {@code interleaved}, its
     * one comparison reads the second variant's preference, and {@code interleaving} holds its wins (null for A/B).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Readout(String readAt, String metric, long catalogItems, int confidencePercent, SampleRatioCheck sampleRatio,
                   List<Figures> variants, List<Figures> days, List<Comparison> comparisons,
                   InterleavingJson interleaving) {

        static Readout from(ExperimentReport report) {
            return new Readout(report.readAt().toString(), report.metric().wireName(), report.catalogItems(),
                    VariantFigures.CONFIDENCE_PERCENT, SampleRatioCheck.from(report.sampleRatio()),
                    report.groups().stream().map(Figures::from).toList(),
                    report.days().stream().map(Figures::from).toList(),
                    report.comparisons().stream().map(Comparison::from).toList(),
                    report.interleaving().map(readout -> InterleavingJson.from(report.experiment(), readout))
                            .orElse(null));
        }
    }

    /**
     * Users per group against the configured shares: {@code mismatch} rests on the always-valid p-value; Pearson's
     * chi-squared p-value is shown beside it, valid for one look only.
     */
    @Serdeable
    record SampleRatioCheck(boolean mismatch, double alwaysValidPValue, double chiSquare, double pValue) {

        static SampleRatioCheck from(SampleRatio check) {
            return new SampleRatioCheck(check.mismatch(), check.alwaysValidPValue(), check.chiSquare(),
                    check.pValue());
        }
    }

    /**
     * One group's figures for a day, or the whole experiment when {@code day} is null. Clicks, carts and purchases
     * count at a position (their item was impressed); the {@code requestOnly} ones had no impression.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figures(String variant, String day, long users, long requests, long impressions, long clicks, long carts,
                   long purchases, double value, RequestOnly requestOnly, Ratio clickThroughRate,
                   Ratio conversionRate, Ratio valuePerImpression, int cutOff, long listsWithClick, double ndcg,
                   double mrr, long distinctItems, Double coverage, double p99LatencyMs, Ratio fallbackShare) {

        static Figures from(VariantFigures figures) {
            OnlineMetrics metrics = figures.metrics();
            EngagementCounts counts = metrics.counts();
            return new Figures(metrics.variant(), metrics.day().map(LocalDate::toString).orElse(null),
                    metrics.users(), counts.requests(), counts.impressions(), counts.clickedImpressions(),
                    counts.cartedImpressions(), counts.purchasedImpressions(), counts.impressionValue(),
                    new RequestOnly(counts.requestOnlyClicks(), counts.requestOnlyCarts(),
                            counts.requestOnlyPurchases(), counts.requestOnlyValue(), counts.requestsWithClick()),
                    Ratio.of(counts.clickThroughRate(), figures.clickThroughRate()),
                    Ratio.of(counts.conversionRate(), figures.conversionRate()),
                    Ratio.of(counts.valuePerImpression(), figures.valuePerImpression()),
                    metrics.quality().cutOff(), metrics.quality().listsWithClick(), metrics.quality().meanNdcg(),
                    metrics.quality().meanReciprocalRank(), metrics.quality().distinctItems(),
                    boxed(figures.coverage()), metrics.guardrails().p99LatencyMillis(),
                    Ratio.of(metrics.guardrails().fallbackShare(), figures.fallbackShare()));
        }
    }

    /** Actions on items without an impression, and the requests with any click at all. */
    @Serdeable
    record RequestOnly(long clicks, long carts, long purchases, double value, long requestsWithClick) {
    }

    /** A figure with its interval; an unbounded end is null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Ratio(double value, Double low, Double high) {

        static Ratio of(double value, Interval interval) {
            return new Ratio(value, finite(interval.low()), finite(interval.high()));
        }
    }

    /**
     * One challenger against the control: the verdict ({@code ship}, {@code stop}, {@code keep-running}) and its
     * reasons; the difference of the primary metric with its standard error (null when no look could be taken);
     * and the always-valid test after this look: its p-value, its interval of plausible differences and its looks.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Comparison(String control, String challenger, String verdict, List<String> reasons, Difference difference,
                      double pValue, Double low, Double high, int looks) {

        static Comparison from(VariantComparison comparison) {
            return new Comparison(comparison.control(), comparison.challenger(), comparison.verdict().wireName(),
                    comparison.reasons(), comparison.difference().map(Difference::from).orElse(null),
                    comparison.test().pValue(), finite(comparison.test().interval().low()),
                    finite(comparison.test().interval().high()), comparison.test().looks());
        }
    }

    /** Challenger minus control, with the standard error of the delta method. */
    @Serdeable
    record Difference(double value, double standardError) {

        static Difference from(Estimate estimate) {
            return new Difference(estimate.value(), estimate.standardError());
        }
    }

    static Double finite(double value) {
        return Double.isInfinite(value) ? null : value;
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
