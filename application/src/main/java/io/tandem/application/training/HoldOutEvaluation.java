package io.tandem.application.training;

import io.tandem.application.registry.port.out.EvaluateModelVersionPort;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.FullRanking;
import io.tandem.domain.evaluation.MetricSuite;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.InteractionMatrix;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One training run's hold-out as a place to measure ranker artifacts: the retrievers trained on the run's
 * training window propose and describe the candidates, a ranker artifact orders them, and the metrics of
 * {@link FullRanking#measure} judge the ranking against the hold-out. The challenger and, when its stored metrics
 * come from another hold-out, the champion are measured here alike, so they differ only in
 * their ranker: which of the two would rank better on top of today's retrievers, on the newest data.
 *
 * <p>A champion trained on a window that reaches past this run's cut has seen part of the hold-out; its
 * metrics are then flattered, which can only keep a champion, never promote a challenger wrongly.
 */
final class HoldOutEvaluation implements EvaluateModelVersionPort {

    private final String holdOut;
    private final FeatureSchema schema;
    private final CandidateGenerator candidates;
    private final RankingFeatures features;
    private final InteractionMatrix history;
    private final InteractionMatrix heldOut;
    private final RankerArtifactPorts artifacts;
    private final int k;
    /** The last version measured by {@link #evaluate}, for the training report. */
    private TrainingReport.ChampionMetrics remeasured;

    HoldOutEvaluation(String holdOut, CandidateGenerator candidates, RankingFeatures features,
                      InteractionMatrix history, InteractionMatrix heldOut, RankerArtifactPorts artifacts, int k) {
        this.holdOut = Objects.requireNonNull(holdOut, "holdOut");
        this.schema = features.schema();
        this.candidates = candidates;
        this.features = features;
        this.history = history;
        this.heldOut = heldOut;
        this.artifacts = artifacts;
        this.k = k;
    }

    /** The metrics of a ranker artifact of this run's schema on this hold-out. */
    ModelMetrics measure(byte[] artifact) {
        try (ScoringModel ranker = artifacts.open().load(artifact, schema.size())) {
            Map<String, Double> values = FullRanking.measure(
                    new TwoStageRecommender(candidates, features, ranker), history, heldOut, MetricSuite.at(k));
            return new ModelMetrics(holdOut, values);
        }
    }

    /**
     * Measures a registered version's artifact here.
     *
     * @throws InvalidFieldException naming {@code holdOut} for another hold-out (this run holds only its own), or
     *                               {@code schema} when the version reads other features than this run builds
     */
    @Override
    public ModelMetrics evaluate(ModelVersion version, String holdOutName) {
        if (!holdOut.equals(holdOutName)) {
            throw new InvalidFieldException("holdOut", "this training run can measure on '" + holdOut
                    + "' only, not on '" + holdOutName + "'");
        }
        if (!version.schema().equals(Optional.of(schema))) {
            throw new InvalidFieldException("schema", "version " + version.version() + " reads "
                    + version.schema().map(s -> "schema '" + s.version() + "' (" + s.size() + " features)")
                    .orElse("no feature schema") + ", this run builds '" + schema.version() + "' ("
                    + schema.size() + " features); it cannot be measured on the same features");
        }
        if (remeasured != null && remeasured.version().equals(version.version())) {
            // Versions are immutable: the promotion decision asks again after the refit decision did.
            return remeasured.metrics();
        }
        ModelMetrics metrics = measure(artifacts.load().load(version.artifactUri()));
        remeasured = new TrainingReport.ChampionMetrics(version.version(), metrics, true);
        return metrics;
    }

    Optional<TrainingReport.ChampionMetrics> remeasured() {
        return Optional.ofNullable(remeasured);
    }
}
