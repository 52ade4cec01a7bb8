package io.tandem.application.training;

import io.tandem.application.registry.port.out.EvaluateModelVersionPort;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.FullRanking;
import io.tandem.domain.evaluation.MetricSuite;
import io.tandem.domain.jobs.JobStage;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One training run's hold-out as a place to measure ranker artifacts: the retrievers trained on the run's
 * training window propose and describe the candidates, a ranker artifact orders them, and the metrics of
 * {@link FullRanking#measure} judge the ranking against the hold-out. The challenger and, when its stored metrics
 * come from another hold-out, the champion are measured here alike, so they differ only in
 * their ranker: which of the two would rank better on top of today's retrievers, on the newest data.
 *
 * <p>The hold-out is the run's {@link HoldOutSample}: on a large lake a seeded sample of its users, the same for
 * the challenger and the champion. Each measurement reports its progress as a stage of the run, user by user.
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
    private final JobStage championStage;
    /** The last version measured by {@link #evaluate}, for the training report. */
    private TrainingReport.ChampionMetrics remeasured;

    /**
     * @param championStage the stage a champion's measurement on this hold-out reports in
     */
    HoldOutEvaluation(String holdOut, CandidateGenerator candidates, RankingFeatures features,
                      InteractionMatrix history, InteractionMatrix heldOut, RankerArtifactPorts artifacts, int k,
                      JobStage championStage) {
        this.holdOut = Objects.requireNonNull(holdOut, "holdOut");
        this.schema = features.schema();
        this.candidates = candidates;
        this.features = features;
        this.history = history;
        this.heldOut = heldOut;
        this.artifacts = artifacts;
        this.k = k;
        this.championStage = Objects.requireNonNull(championStage, "championStage");
    }

    /** The metrics of a ranker artifact of this run's schema on this hold-out, its progress reported in {@code stage}. */
    ModelMetrics measure(byte[] artifact, JobStage stage) {
        try (ScoringModel ranker = artifacts.open().load(artifact, schema.size())) {
            int users = measuredUsers();
            stage.start(String.format(java.util.Locale.ROOT, "ranking every item for %,d users", users));
            Map<String, Double> values = FullRanking.measure(
                    new Counted(new TwoStageRecommender(candidates, features, ranker), users, stage), history,
                    heldOut, MetricSuite.at(k));
            return new ModelMetrics(holdOut, values);
        }
    }

    /** Users with a hold-out item they had not before the cut: the users {@link FullRanking} scores. */
    private int measuredUsers() {
        int users = 0;
        int[] columns = heldOut.columns();
        for (int user = 0; user < heldOut.userCount(); user++) {
            for (int p = heldOut.rowStart(user); p < heldOut.rowEnd(user); p++) {
                if (!history.contains(user, columns[p])) {
                    users++;
                    break;
                }
            }
        }
        return users;
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
        ModelMetrics metrics = measure(artifacts.load().load(version.artifactUri()), championStage);
        remeasured = new TrainingReport.ChampionMetrics(version.version(), metrics, true);
        return metrics;
    }

    Optional<TrainingReport.ChampionMetrics> remeasured() {
        return Optional.ofNullable(remeasured);
    }

    /** A model that reports every twentieth of the users it scored: one {@code score} call per measured user. */
    private static final class Counted implements RetrievalModel {

        private final RetrievalModel model;
        private final int users;
        private final int every;
        private final JobStage stage;
        private final AtomicInteger scored = new AtomicInteger();
        private int reported;

        Counted(RetrievalModel model, int users, JobStage stage) {
            this.model = model;
            this.users = Math.max(1, users);
            this.every = Math.max(1, users / 20);
            this.stage = stage;
        }

        @Override
        public int itemCount() {
            return model.itemCount();
        }

        @Override
        public void score(UserHistory history, float[] scores) {
            model.score(history, scores);
            int done = scored.incrementAndGet();
            if (done % every == 0) {
                // Users are scored in parallel: report in order, so the job's progress never goes back.
                synchronized (this) {
                    if (done > reported) {
                        reported = done;
                        stage.report((double) done / users, String.format(java.util.Locale.ROOT,
                                "%,d of %,d users ranked", done, users));
                    }
                }
            }
        }
    }
}
