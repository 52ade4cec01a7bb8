package io.tandem.application.training;

import io.tandem.application.ingestion.LakeInteractions;
import io.tandem.application.registry.EvaluateAndPromoteService;
import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.application.registry.port.in.RegisterModelVersionCommand;
import io.tandem.application.registry.port.in.RegisterModelVersionUseCase;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.serving.ServingBundle;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.application.training.port.out.EncodeRetrievalModelPort;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.CatalogCoverage;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.MetricSuite;
import io.tandem.domain.jobs.JobProgress;
import io.tandem.domain.jobs.JobStage;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionPolicy;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Continuous training of the two-stage system, from the lake to a promotion decision.
 *
 * <ol>
 *   <li>The lake's positive interactions ({@link LakeInteractions}) are cut at one instant ({@link TimeCut}):
 *       the later window is the hold-out, everything before it the training window. When time has too little
 *       spread to cut, the cut falls between interactions in event order.</li>
 *   <li>With a {@link RecencyGrid}, each of its half-lives trains the decaying retriever alone on the training
 *       window and is measured on the hold-out; the best one is the retriever's setting for this run.</li>
 *   <li>The ranker learns from the training window alone, its groups labelled by the splits of
 *       {@link RankerHoldouts}, the same as {@code tandem evaluate} uses. The retrievers are then trained on the
 *       whole training window.</li>
 *   <li>The ranker is exported to ONNX, and that artifact is measured on the hold-out
 *       ({@link HoldOutEvaluation}): these are the version's metrics, on a seeded sample of the hold-out's users
 *       above {@link TrainingLimits#evaluationUsers()} ({@link HoldOutSample}, ADR-0029).</li>
 *   <li>If the {@link PromotionPolicy} would promote those metrics over the champion of the moment, both stages
 *       are refit with the same settings on the whole window, hold-out included (ADR-0022), and the refit is what
 *       is stored and serves; the version keeps the hold-out metrics and its metadata records the refit. A
 *       candidate that would not be promoted is stored as it was measured.</li>
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
    private final RecencySelection recency;
    private final ChampionChallenge champions;
    private final TrainingLimits limits;

    /**
     * @param settings the two-stage settings; each run replaces their seeds with its command's seed
     * @param policy   decides champion against challenger; its metric must be one recorded at
     *                 {@value #METRICS_AT}
     * @param recency  the half-lives tried for one of {@code retrievers} on each run's hold-out; empty: every
     *                 retriever trains as given
     */
    public TrainModelsService(List<Retriever> retrievers, TrainRankerPort trainRanker, TwoStageSettings settings,
                              LakeInteractions lake, RankerArtifactPorts artifacts,
                              EncodeRetrievalModelPort encodeRetrievers, RegisterModelVersionUseCase register,
                              LoadModelVersionsPort loadVersions, ChangeModelStagesPort changeStages,
                              PromotionPolicy policy, Clock clock, Optional<RecencyGrid> recency) {
        this(retrievers, trainRanker, settings, lake, artifacts, encodeRetrievers, register, loadVersions,
                changeStages, policy, clock, recency, TrainingLimits.defaults());
    }

    /**
     * @param limits how many hold-out users a run measures at most and how many interactions it trains on at most
     *               (ADR-0029)
     */
    public TrainModelsService(List<Retriever> retrievers, TrainRankerPort trainRanker, TwoStageSettings settings,
                              LakeInteractions lake, RankerArtifactPorts artifacts,
                              EncodeRetrievalModelPort encodeRetrievers, RegisterModelVersionUseCase register,
                              LoadModelVersionsPort loadVersions, ChangeModelStagesPort changeStages,
                              PromotionPolicy policy, Clock clock, Optional<RecencyGrid> recency,
                              TrainingLimits limits) {
        this(retrievers, trainRanker, settings, lake, artifacts, encodeRetrievers, register, loadVersions,
                changeStages, policy, clock, recency, limits, PromotionMode.OFFLINE);
    }

    /** @param promotion who promotes a version that passes the offline gate: training, or an experiment */
    public TrainModelsService(List<Retriever> retrievers, TrainRankerPort trainRanker, TwoStageSettings settings,
                              LakeInteractions lake, RankerArtifactPorts artifacts,
                              EncodeRetrievalModelPort encodeRetrievers, RegisterModelVersionUseCase register,
                              LoadModelVersionsPort loadVersions, ChangeModelStagesPort changeStages,
                              PromotionPolicy policy, Clock clock, Optional<RecencyGrid> recency,
                              TrainingLimits limits, PromotionMode promotion) {
        this.limits = Objects.requireNonNull(limits, "limits");
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
        this.recency = new RecencySelection(this.retrievers, recency);
        this.champions = new ChampionChallenge(loadVersions, changeStages, policy, promotion);
        if (recency.isPresent() && retrievers.stream().noneMatch(r -> r.name().equals(recency.get().retriever()))) {
            throw new InvalidFieldException("recency.retriever", "'" + recency.get().retriever() + "' is none of "
                    + retrievers.stream().map(Retriever::name).toList());
        }
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
        JobProgress progress = command.progress();
        progress.report(0.0, "reading the lake");
        LakeInteractions.ImplicitFeedback feedback = lake.read(command.from(), command.to(),
                events -> progress.report(0.04, String.format(Locale.ROOT, "reading the lake: %,d events", events)));
        InteractionCap capped = InteractionCap.of(feedback.log(), limits.maxInteractions(), command.seed());
        if (capped.sampled()) {
            progress.report(0.05, "memory bound: " + capped.message());
        }
        InteractionLog interactions = capped.log();
        TimeCut cut = TimeCut.of(interactions, command.holdOut());
        Fold fold = cut.split(interactions);
        InteractionMatrix history = InteractionMatrix.of(fold.train());
        HoldOutSample sample = HoldOutSample.of(history, fold.test(), cut.holdOutName(fold.test().size()),
                limits.evaluationUsers(), command.seed());
        if (sample.evaluable() == 0) {
            throw new InvalidFieldException("holdOut", command.holdOut().describe() + " (" + cut.describe()
                    + ") holds no user interacting with an item they had not before: there is nothing to measure a "
                    + "model on");
        }

        TwoStageSettings seeded = settings.withSeed(command.seed());
        RecencySelection.RecencyChoice recency = this.recency.choose(history, fold.test(), feedback, command.seed(),
                new JobStage(progress, "recency", 0.05, 0.1));
        TwoStageTrainer trainer = new TwoStageTrainer(recency.retrievers(), trainRanker, seeded);
        reportItemCaps(trainer, history.itemCount(), progress, 0.1);
        TrainedStages measured = TrainedStages.train(trainer, fold.train(), feedback.items(),
                RankerHoldouts.of(fold.train(), command.seed(), seeded), List.of(), progress, 0.1, 0.45,
                String.format(Locale.ROOT, "on %,d interactions before the cut (hold-out %s)", fold.train().size(),
                        cut.describe()), "");
        HoldOutEvaluation holdOut = new HoldOutEvaluation(sample.name(),
                new CandidateGenerator(measured.models(), history.itemCount(), seeded.candidatesPerRetriever()),
                new RankingFeatures(trainer.retrieverNames(), measured.itemStats(), feedback.items(),
                        measured.models()),
                history, sample.heldOut(), artifacts, METRICS_AT,
                new JobStage(progress, "hold-out evaluation of the champion", 0.56, 0.6));

        progress.report(0.45, String.format(Locale.ROOT, "exporting the ranker: %,d hold-out interactions of %s to "
                + "measure it on", fold.test().size(), sample.describe()));
        byte[] measuredArtifact = artifacts.export().export(measured.ranker(), trainer.schema());
        ModelMetrics metrics = holdOut.measure(measuredArtifact, new JobStage(progress, "hold-out evaluation", 0.45,
                0.56));

        String name = command.model();
        List<ModelVersion> existing = loadVersions.loadVersions(name);
        Optional<ModelVersion> champion = ChampionChallenge.championOf(existing);
        // Refit only what will serve: a candidate that stays a candidate keeps the models it was measured as.
        boolean refit = champions.wouldPromote(metrics, champion, holdOut);
        TrainedStages serving = measured;
        byte[] artifact = measuredArtifact;
        if (refit) {
            RefitSplits splits = RefitSplits.of(interactions, fold, cut.byOrder(), measured.models(), seeded);
            serving = TrainedStages.train(trainer, interactions, feedback.items(), splits.splits(), splits.shared(),
                    progress, 0.6, 0.86, String.format(Locale.ROOT, "on the whole window, %,d interactions%s",
                            interactions.size(), splits.describe()), "refit, ");
            artifact = artifacts.export().export(serving.ranker(), trainer.schema());
        }
        Instant now = clock.instant();
        String version = VersionNames.nextVersion(existing, now);
        progress.report(0.88, "registering: storing " + name + " " + version);
        ServingBundle bundle = new ServingBundle(feedback.itemIds(), feedback.items(), serving.itemStats(),
                seeded.candidatesPerRetriever(), trainer.retrieverNames(),
                serving.models().stream().map(encodeRetrievers::encode).toList(), ServingBundle.sha256(artifact));
        // The bundle first: a registered version always has both files (a failure here leaves no version).
        artifacts.store().store(new ArtifactKey(name, version, ServingBundle.FILE), bundle.encode());
        URI uri = artifacts.store().store(new ArtifactKey(name, version, ARTIFACT_FILE), artifact);
        TrainingWindow window = new TrainingWindow(Instant.ofEpochSecond(cut.first()),
                Instant.ofEpochSecond(refit ? cut.end() : cut.cut()));
        Map<String, String> metadata = VersionMetadata.of(refit, cut, refit ? interactions.size() : fold.train().size(),
                recency, command.seed());
        metadata.putAll(VersionMetadata.limits(capped, sample, trainer.retrievers(), history.itemCount()));
        ModelVersion candidate = register.register(new RegisterModelVersionCommand(new ModelVersion(name, version,
                ModelKind.RANKER, ModelStage.CANDIDATE, metrics, Optional.of(trainer.schema()), uri, window,
                champion.map(ModelVersion::version), now, metadata)));

        progress.report(0.9, champion.map(c -> "promotion: comparing with champion " + c.version())
                .orElse("promotion: no champion yet, promoting"));
        Optional<ModelVersion> comparedWith = ChampionChallenge.championOf(loadVersions.loadVersions(name));
        PromotionOutcome outcome = champions.challenge(candidate, holdOut, refit);
        Optional<TrainingReport.ChampionMetrics> championMetrics = holdOut.remeasured().or(() -> comparedWith
                .filter(c -> c.metrics().holdOut().equals(metrics.holdOut()))
                .map(c -> new TrainingReport.ChampionMetrics(c.version(), c.metrics(), false)));
        ModelVersion registered = loadVersions.loadVersion(name, version).orElse(candidate);
        TrainingReport report = new TrainingReport(registered, outcome, championMetrics, feedback.eventsRead(),
                feedback.log().userCount(), feedback.log().itemCount(), fold.train().size(), fold.test().size(),
                sample.measured(), (System.nanoTime() - started) / 1e9);
        progress.report(1.0, report.summary());
        return report;
    }

    /** Says, once per run, which retrievers model fewer items than the catalogue holds (ADR-0029). */
    private static void reportItemCaps(TwoStageTrainer trainer, int items, JobProgress progress, double at) {
        for (Retriever retriever : trainer.retrievers()) {
            if (items > retriever.maxItems()) {
                progress.report(at, String.format(Locale.ROOT, "item bound: %s models the %,d most popular of "
                        + "%,d items (its memory grows with the square of the items); the others get its lowest "
                        + "score and come from the other retrievers", retriever.name(), retriever.maxItems(), items));
            }
        }
    }
}
