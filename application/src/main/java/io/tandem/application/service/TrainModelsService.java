package io.tandem.application.service;

import io.tandem.application.port.in.EvaluateAndPromoteCommand;
import io.tandem.application.port.in.PromotionOutcome;
import io.tandem.application.port.in.RegisterModelVersionCommand;
import io.tandem.application.port.in.RegisterModelVersionUseCase;
import io.tandem.application.port.in.TrainModelsCommand;
import io.tandem.application.port.in.TrainModelsUseCase;
import io.tandem.application.port.in.TrainingReport;
import io.tandem.application.port.out.ChangeModelStagesPort;
import io.tandem.application.port.out.EncodeRetrievalModelPort;
import io.tandem.application.port.out.LoadModelVersionsPort;
import io.tandem.application.port.out.ReportJobProgressPort;
import io.tandem.application.port.out.TrainRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.CatalogCoverage;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.MetricSuite;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.evaluation.TemporalSplit;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionDecision;
import io.tandem.domain.model.PromotionPolicy;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.RetrievalModel;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Continuous training of the two-stage system, from the lake to a promotion decision.
 *
 * <ol>
 *   <li>The lake's positive interactions ({@link LakeInteractions}) are cut at one instant ({@link TimeCut}):
 *       the later window is the hold-out, everything before it the training window.</li>
 *   <li>The ranker learns from the training window alone, as {@link TwoStageTrainer} does for
 *       {@code tandem evaluate --protocol temporal}: each user's latest 10, 20 and 30 % of it label the groups.
 *       The retrievers are then trained on the whole training window.</li>
 *   <li>The ranker is exported to ONNX, and that artifact, not the in-memory trees, is measured on the hold-out
 *       ({@link HoldOutEvaluation}), so the metrics describe the file that is stored and served.</li>
 *   <li>The artifact is stored at {@code models/<name>/<version>/ranker.onnx}, beside the
 *       {@link ServingBundle} ({@code serving.bin}: retrievers, item statistics and facets) that serving needs to
 *       build the same features, with the ranker's SHA-256 so serving refuses any other ranker file in its
 *       place, and the version registered as a candidate whose parent is the champion of the
 *       moment.</li>
 *   <li>{@link EvaluateAndPromoteService} decides by the {@link PromotionPolicy}: the champion's stored metrics
 *       are used when they come from the same hold-out; otherwise its artifact is measured on this run's
 *       hold-out, behind the same retrievers. A champion that cannot be measured there (another feature schema,
 *       an unreadable artifact) or that changed meanwhile keeps its place, and the reason is reported.</li>
 * </ol>
 *
 * <p>Versions are named by their registration time, {@code vYYYYMMDD-HHMMSS-mmm} in UTC, at least a millisecond
 * after the newest such version of the model: they sort in training order, and two processes training at once
 * (a job and {@code tandem train}) do not pick the same name and overwrite each other's artifact before the
 * registry could refuse the second.
 */
public final class TrainModelsService implements TrainModelsUseCase {

    /** The cut-off of the ranking metrics recorded with every version. */
    public static final int METRICS_AT = 10;
    static final String ARTIFACT_FILE = "ranker.onnx";

    /** Each user's latest 10, 20 and 30 % of the training window label the ranker's groups. */
    private static final List<Split> RANKER_HOLDOUTS = List.of(
            new TemporalSplit(0.1), new TemporalSplit(0.2), new TemporalSplit(0.3));
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("'v'uuuuMMdd-HHmmss-SSS",
            Locale.ROOT);

    private final List<Retriever> retrievers;
    private final TrainRankerPort trainRanker;
    private final TwoStageSettings settings;
    private final LakeInteractions lake;
    private final RankerArtifactPorts artifacts;
    private final EncodeRetrievalModelPort encodeRetrievers;
    private final RegisterModelVersionUseCase register;
    private final LoadModelVersionsPort loadVersions;
    private final ChangeModelStagesPort changeStages;
    private final PromotionPolicy policy;
    private final Clock clock;

    /**
     * @param settings the two-stage settings; each run replaces their seeds with its command's seed
     * @param policy   decides champion against challenger; its metric must be one recorded at
     *                 {@value #METRICS_AT}
     */
    public TrainModelsService(List<Retriever> retrievers, TrainRankerPort trainRanker, TwoStageSettings settings,
                              LakeInteractions lake, RankerArtifactPorts artifacts,
                              EncodeRetrievalModelPort encodeRetrievers, RegisterModelVersionUseCase register, LoadModelVersionsPort loadVersions,
                              ChangeModelStagesPort changeStages, PromotionPolicy policy, Clock clock) {
        this.retrievers = List.copyOf(Objects.requireNonNull(retrievers, "retrievers"));
        this.trainRanker = Objects.requireNonNull(trainRanker, "trainRanker");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lake = Objects.requireNonNull(lake, "lake");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.encodeRetrievers = Objects.requireNonNull(encodeRetrievers, "encodeRetrievers");
        this.register = Objects.requireNonNull(register, "register");
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
        this.changeStages = Objects.requireNonNull(changeStages, "changeStages");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Fails here, at start-up, rather than after the first long training run.
        new TwoStageTrainer(this.retrievers, trainRanker, settings);
        List<String> recorded = new ArrayList<>(MetricSuite.at(METRICS_AT).names());
        recorded.add(CatalogCoverage.NAME);
        if (!recorded.contains(policy.metric())) {
            throw new InvalidFieldException("promotion.metric", "'" + policy.metric() + "' is not recorded; "
                    + "expected one of " + recorded);
        }
    }

    @Override
    public TrainingReport train(TrainModelsCommand command) {
        long started = System.nanoTime();
        ReportJobProgressPort progress = command.progress();
        progress.report(0.0, "reading the lake");
        LakeInteractions.ImplicitFeedback feedback = lake.read(command.from(), command.to(),
                events -> progress.report(0.05, String.format(Locale.ROOT, "reading the lake: %,d events", events)));
        TimeCut cut = TimeCut.of(feedback.log(), command.holdOut());
        Fold fold = cut.split(feedback.log());
        InteractionMatrix history = InteractionMatrix.of(fold.train());
        InteractionMatrix heldOut = InteractionMatrix.of(fold.test());
        int evaluatedUsers = evaluableUsers(history, heldOut);
        if (evaluatedUsers == 0) {
            throw new InvalidFieldException("holdOut", command.holdOut().describe() + " (from "
                    + Instant.ofEpochSecond(cut.cut()) + ") holds no user interacting with an item they had not "
                    + "before: there is nothing to measure a model on");
        }

        TwoStageSettings seeded = seeded(settings, command.seed());
        TwoStageTrainer trainer = new TwoStageTrainer(retrievers, trainRanker, seeded);
        progress.report(0.15, String.format(Locale.ROOT, "training the ranker on %,d interactions before %s",
                fold.train().size(), Instant.ofEpochSecond(cut.cut())));
        TreeEnsemble ranker = trainer.trainRanker(fold.train(), feedback.items(), RANKER_HOLDOUTS);
        progress.report(0.6, "training the retrievers on the whole training window");
        List<RetrievalModel> models = new ArrayList<>();
        for (Retriever retriever : retrievers) {
            models.add(retriever.trainer().train(history, feedback.items()));
        }
        FeatureSchema schema = trainer.schema();
        ItemStats itemStats = ItemStats.of(history);
        HoldOutEvaluation holdOut = new HoldOutEvaluation(cut.holdOutName(fold.test().size()),
                new CandidateGenerator(models, history.itemCount(), seeded.candidatesPerRetriever()),
                new RankingFeatures(trainer.retrieverNames(), itemStats, feedback.items(), models),
                history, heldOut, artifacts, METRICS_AT);

        progress.report(0.7, String.format(Locale.ROOT, "exporting the ranker and measuring it on %,d hold-out "
                + "interactions of %,d users", fold.test().size(), evaluatedUsers));
        byte[] artifact = artifacts.export().export(ranker, schema);
        ModelMetrics metrics = holdOut.measure(artifact);

        String name = command.model();
        List<ModelVersion> existing = loadVersions.loadVersions(name);
        Optional<ModelVersion> champion = championOf(existing);
        Instant now = clock.instant();
        String version = nextVersion(existing, now);
        progress.report(0.85, "storing and registering " + name + " " + version);
        ServingBundle bundle = new ServingBundle(feedback.itemIds(), feedback.items(), itemStats,
                seeded.candidatesPerRetriever(), trainer.retrieverNames(),
                models.stream().map(encodeRetrievers::encode).toList(), ServingBundle.sha256(artifact));
        // The bundle first: a registered version always has both files (a failure here leaves no version).
        artifacts.store().store(new ArtifactKey(name, version, ServingBundle.FILE), bundle.encode());
        URI uri = artifacts.store().store(new ArtifactKey(name, version, ARTIFACT_FILE), artifact);
        ModelVersion candidate = register.register(new RegisterModelVersionCommand(new ModelVersion(name, version,
                ModelKind.RANKER, ModelStage.CANDIDATE, metrics, Optional.of(schema), uri,
                new TrainingWindow(Instant.ofEpochSecond(cut.first()), Instant.ofEpochSecond(cut.cut())),
                champion.map(ModelVersion::version), now)));

        progress.report(0.9, champion.map(c -> "comparing with champion " + c.version())
                .orElse("no champion yet: promoting"));
        Optional<ModelVersion> comparedWith = championOf(loadVersions.loadVersions(name));
        PromotionOutcome outcome = challenge(candidate, holdOut);
        Optional<TrainingReport.ChampionMetrics> championMetrics = holdOut.remeasured().or(() -> comparedWith
                .filter(c -> c.metrics().holdOut().equals(metrics.holdOut()))
                .map(c -> new TrainingReport.ChampionMetrics(c.version(), c.metrics(), false)));
        ModelVersion registered = loadVersions.loadVersion(name, version).orElse(candidate);
        TrainingReport report = new TrainingReport(registered, outcome, championMetrics, feedback.eventsRead(),
                feedback.log().userCount(), feedback.log().itemCount(), fold.train().size(), fold.test().size(),
                evaluatedUsers, (System.nanoTime() - started) / 1e9);
        progress.report(1.0, report.summary());
        return report;
    }

    /**
     * The policy's decision through {@link EvaluateAndPromoteService}, measuring the champion on this run's
     * hold-out when needed; a champion that cannot be compared keeps its place.
     */
    private PromotionOutcome challenge(ModelVersion candidate, HoldOutEvaluation holdOut) {
        EvaluateAndPromoteService challenge = new EvaluateAndPromoteService(loadVersions, holdOut, changeStages,
                policy);
        try {
            return challenge.evaluateAndPromote(new EvaluateAndPromoteCommand(candidate.name(), candidate.version()));
        } catch (InvalidFieldException | ModelConflictException | UncheckedIOException e) {
            return new PromotionOutcome(new PromotionDecision(false, "kept as a candidate: the champion could not "
                    + "be compared with it (" + e.getMessage() + "); promote it by hand if it should serve"),
                    Optional.empty());
        }
    }

    /** Users with at least one hold-out item they had not interacted with before the cut. */
    private static int evaluableUsers(InteractionMatrix history, InteractionMatrix heldOut) {
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

    private static Optional<ModelVersion> championOf(List<ModelVersion> versions) {
        return versions.stream().filter(v -> v.stage() == ModelStage.CHAMPION).findFirst();
    }

    /** {@code settings} with every seed replaced by {@code seed}. */
    private static TwoStageSettings seeded(TwoStageSettings settings, long seed) {
        return settings.withSeed(seed);
    }

    /** The version named by {@code now}, moved to a millisecond after the newest time-named version if needed. */
    static String nextVersion(List<ModelVersion> existing, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        for (ModelVersion version : existing) {
            Optional<Instant> named = timeOf(version.version());
            if (named.isPresent() && !at.isAfter(named.get())) {
                at = named.get().plusMillis(1);
            }
        }
        return VERSION_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static Optional<Instant> timeOf(String version) {
        try {
            return Optional.of(LocalDateTime.parse(version, VERSION_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
