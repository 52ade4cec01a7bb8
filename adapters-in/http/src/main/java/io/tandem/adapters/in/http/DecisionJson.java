package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.decision.VariantEvidence;

import java.util.List;

/**
 * The JSON of experiment decisions (ADR-0025): what {@code POST /v1/experiments/{name}/decide} answers and what
 * {@code GET /v1/models/{name}/versions} lists beside each version. An unbounded interval end, and a difference no
 * look could measure, is null.
 */
final class DecisionJson {

    private DecisionJson() {
    }

    /** {@code POST /v1/experiments/{name}/decide}: the experiment after deciding, its decisions, what is pending. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Decided(ExperimentJson.Experiment experiment, boolean decided, List<Decision> decisions,
                   List<String> pending) {

        static Decided from(ExperimentDecisions decisions) {
            return new Decided(ExperimentJson.Experiment.from(decisions.experiment()), decisions.decided(),
                    decisions.decisions().stream().map(Decision::from).toList(), decisions.pending());
        }
    }

    /** One decision about one version with its evidence. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Decision(String experiment, String model, String version, String outcome, String decidedAt, String metric,
                    Figures control, Figures challenger, Double difference, Double alwaysValidLow,
                    Double alwaysValidHigh, double alwaysValidPValue, int looks, boolean sampleRatioMismatch,
                    double sampleRatioPValue, boolean guardrailsHeld, boolean offlineGatePassed, String reason) {

        static Decision from(ExperimentDecision d) {
            return new Decision(d.experiment(), d.version().name(), d.version().version(), d.outcome().wireName(),
                    d.decidedAt().toString(), d.metric().wireName(), Figures.from(d.control()),
                    Figures.from(d.challenger()),
                    d.difference().isPresent() ? d.difference().getAsDouble() : null,
                    finite(d.alwaysValidInterval().low()), finite(d.alwaysValidInterval().high()),
                    d.alwaysValidPValue(), d.looks(), d.sampleRatioMismatch(), d.sampleRatioPValue(),
                    d.guardrailsHeld(), d.offlineGatePassed(), d.reason());
        }
    }

    /** One variant as the decision saw it: the primary metric with its 95 % interval, and the guardrails. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figures(String variant, long users, long impressions, double metric, Double metricLow, Double metricHigh,
                   double p99LatencyMillis, double fallbackShare) {

        static Figures from(VariantEvidence v) {
            return new Figures(v.variant(), v.users(), v.impressions(), v.metric(), finite(v.metricInterval().low()),
                    finite(v.metricInterval().high()), v.p99LatencyMillis(), v.fallbackShare());
        }
    }

    private static Double finite(double value) {
        return Double.isInfinite(value) ? null : value;
    }
}
