package io.tandem.bootstrap;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.tandem.adapters.out.onnx.DjlOnnxScoringAdapter;
import io.tandem.adapters.out.onnx.OnnxRankerExportAdapter;
import io.tandem.adapters.out.xgboost.XgboostRankerAdapter;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.evaluation.EvaluateRecommendersService;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.application.ingestion.LakeInteractions;
import io.tandem.application.ingestion.port.out.FlushLakePort;
import io.tandem.application.ingestion.port.out.MarkEventLogEndPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.jobs.FailInterruptedJobsService;
import io.tandem.application.jobs.FindJobService;
import io.tandem.application.jobs.JobRunner;
import io.tandem.application.jobs.ListJobsService;
import io.tandem.application.jobs.StartJobIfIdleService;
import io.tandem.application.jobs.StartJobService;
import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.application.jobs.port.out.RunJobPort;
import io.tandem.application.jobs.port.out.SaveJobPort;
import io.tandem.application.registry.ChampionChanges;
import io.tandem.application.registry.ListModelVersionsService;
import io.tandem.application.registry.ListModelsService;
import io.tandem.application.registry.PromoteModelVersionService;
import io.tandem.application.registry.RegisterModelVersionService;
import io.tandem.application.registry.RollbackModelService;
import io.tandem.application.registry.port.in.RegisterModelVersionUseCase;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.ListModelsPort;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.SaveModelVersionPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.application.training.RankerArtifactPorts;
import io.tandem.application.training.RecencyGrid;
import io.tandem.application.training.ReplayTrainingExamplesService;
import io.tandem.application.training.Retriever;
import io.tandem.application.training.TrainModelsJob;
import io.tandem.application.training.TrainModelsService;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.out.ExportRankerPort;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.application.training.port.out.TrainRetrieverPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.jobs.JobType;
import io.tandem.domain.model.PromotionPolicy;
import io.tandem.domain.retrieval.training.EaseParameters;
import io.tandem.domain.retrieval.training.EaseTrainer;
import io.tandem.domain.retrieval.training.IalsParameters;
import io.tandem.domain.retrieval.training.IalsTrainer;
import io.tandem.domain.retrieval.training.ItemKnnParameters;
import io.tandem.domain.retrieval.training.ItemKnnTrainer;
import io.tandem.domain.retrieval.training.PopularityParameters;
import io.tandem.domain.retrieval.training.PopularityTrainer;
import io.tandem.domain.retrieval.training.RetrievalModelCodec;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/** The offline side: retrievers and ranker, evaluation, training, model registry, point-in-time replay, jobs. */
@Factory
final class TrainingFactory {

    private static final String POPULARITY = "popularity";

    @Singleton
    RegisterModelVersionService registerModelVersion(SaveModelVersionPort save, LoadModelVersionsPort load) {
        return new RegisterModelVersionService(save, load);
    }

    @Singleton
    ListModelsService listModels(ListModelsPort list) {
        return new ListModelsService(list);
    }

    @Singleton
    ListModelVersionsService listModelVersions(LoadModelVersionsPort load) {
        return new ListModelVersionsService(load);
    }

    /** A promotion or rollback loads the version as serving will, first: a missing or corrupt artifact is refused. */
    @Singleton
    ChampionChanges championChanges(ServingModels serving) {
        return new ChampionChanges(serving::verify, serving::refresh);
    }

    @Singleton
    PromoteModelVersionService promoteModelVersion(LoadModelVersionsPort load, ChangeModelStagesPort stages,
                                                   ChampionChanges changes) {
        return new PromoteModelVersionService(load, stages, changes);
    }

    @Singleton
    RollbackModelService rollbackModel(LoadModelVersionsPort load, ChangeModelStagesPort stages,
                                       ChampionChanges changes) {
        return new RollbackModelService(load, stages, changes);
    }

    @Singleton
    ReplayTrainingExamplesService replayTrainingExamples(FeaturePolicy policy, ReadLakePort readLake,
                                                         LoadItemsPort loadItems) {
        return new ReplayTrainingExamplesService(policy, readLake, loadItems);
    }

    @Singleton
    TrainRankerPort trainRanker() {
        return new XgboostRankerAdapter();
    }

    /** Every retriever alone and the two-stage system, on public data sets. */
    @Singleton
    EvaluateRecommendersUseCase evaluateRecommenders(TrainRankerPort trainRanker, TwoStageConfiguration twoStage) {
        return new EvaluateRecommendersService(retrievers(), trainRanker, twoStage.settings());
    }

    @Singleton
    ExportRankerPort exportRanker() {
        return new OnnxRankerExportAdapter();
    }

    /** ONNX Runtime loads when this is created; the adapter itself keeps DJL offline (no download, ever). */
    @Singleton
    LoadScoringModelPort loadScoringModel() {
        return new DjlOnnxScoringAdapter();
    }

    @Singleton
    PromotionPolicy promotionPolicy(PromotionConfiguration promotion) {
        return promotion.policy();
    }

    /**
     * The same retrievers and settings as {@code evaluate}, so a registered version's quality is the one the
     * benchmarks report, except that each run chooses the popularity half-life on its hold-out (ADR-0022). ONNX Runtime is reached through a provider: a process that never trains or scores
     * (an import, a serve without jobs) does not load it.
     */
    @Singleton
    TrainModelsUseCase trainModels(TrainRankerPort trainRanker, ReadLakePort readLake, LoadItemsPort loadItems,
                                   FeaturePolicy policy, ExportRankerPort export, StoreModelArtifactPort store,
                                   LoadModelArtifactPort load, BeanProvider<LoadScoringModelPort> scoring,
                                   RegisterModelVersionUseCase register, LoadModelVersionsPort versions,
                                   ChangeModelStagesPort stages, PromotionPolicy promotion,
                                   PromotionConfiguration promotionSettings,
                                   RetrievalModelCodec codec, TwoStageConfiguration twoStage,
                                   TrainingConfiguration training, Clock clock) {
        LoadScoringModelPort openLazily = (artifact, featureCount) -> scoring.get().load(artifact, featureCount);
        return new TrainModelsService(retrievers(), trainRanker, twoStage.settings(),
                new LakeInteractions(readLake, loadItems, policy.labelWeights()),
                new RankerArtifactPorts(export, store, load, openLazily), codec::encode, register, versions, stages, promotion,
                clock, Optional.of(new RecencyGrid(POPULARITY, training.halfLives(), TrainingFactory::popularity)),
                training.limits(), promotionSettings.promotionMode());
    }

    /** One low-priority thread of its own: a job never takes a request thread, and two jobs never overlap. */
    @Singleton
    @Named("tandem-job")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService jobExecutor() {
        return JobRunner.newJobExecutor();
    }

    /** The one job slot of this instance, shared by the job use cases. */
    @Singleton
    JobRunner jobRunner(Map<JobType, RunJobPort> jobBodies, SaveJobPort saveJob, LoadJobsPort loadJobs,
                        @Named("tandem-job") ExecutorService executor, Clock clock) {
        return new JobRunner(jobBodies, saveJob, loadJobs, executor, clock, () -> UUID.randomUUID().toString());
    }

    @Singleton
    StartJobService startJob(JobRunner runner) {
        return new StartJobService(runner);
    }

    @Singleton
    StartJobIfIdleService startJobIfIdle(JobRunner runner) {
        return new StartJobIfIdleService(runner);
    }

    @Singleton
    FindJobService findJob(JobRunner runner, LoadJobsPort loadJobs) {
        return new FindJobService(runner, loadJobs);
    }

    @Singleton
    ListJobsService listJobs(JobRunner runner, LoadJobsPort loadJobs) {
        return new ListJobsService(runner, loadJobs);
    }

    @Singleton
    FailInterruptedJobsService failInterruptedJobs(JobRunner runner) {
        return new FailInterruptedJobsService(runner);
    }

    /**
     * The work behind each job type; types without work are refused by the runner, naming the type. There is no
     * {@code pipeline} body: nothing consumes replayed training examples yet, and a job that replays the lake only
     * to count them would be busy work.
     */
    @Singleton
    Map<JobType, RunJobPort> jobBodies(TrainModelsUseCase trainModels, TrainingConfiguration training,
                                       MarkEventLogEndPort eventLogEnd, FlushLakePort flushLake,
                                       LakeConfiguration lake, ServingModels serving) {
        if (lake.barrierTimeout().isNegative() || lake.barrierTimeout().isZero()) {
            throw new InvalidFieldException("tandem.lake.barrier-timeout", "must be positive, was "
                    + lake.barrierTimeout());
        }
        // The train job waits for the lake to hold every acknowledged event, then for its champion to serve here
        // (ADR-0021).
        return Map.of(JobType.TRAIN, new TrainModelsJob(trainModels, training.command(), eventLogEnd, flushLake,
                lake.barrierTimeout(), serving));
    }

    /** Global popularity decayed at {@code halfLife} (none: plain counts). */
    private static TrainRetrieverPort popularity(Optional<Duration> halfLife) {
        double days = halfLife.map(h -> h.toSeconds() / 86_400.0).orElse(Double.POSITIVE_INFINITY);
        return new PopularityTrainer(new PopularityParameters(days, PopularityParameters.Scope.GLOBAL))::train;
    }

    /**
     * The retrievers evaluated alone and combined by the two-stage system (tuned on ML-100K, see docs): the
     * domain's trainers, each handed to the application as its training port. The MovieLens integration tests
     * evaluate exactly these.
     */
    static List<Retriever> retrievers() {
        return List.of(
                new Retriever(POPULARITY, new PopularityTrainer(PopularityParameters.mostPopular())::train),
                new Retriever("item-knn", new ItemKnnTrainer(ItemKnnParameters.defaults())::train),
                new Retriever("ials", new IalsTrainer(IalsParameters.defaults())::train),
                new Retriever("ease", new EaseTrainer(EaseParameters.defaults())::train,
                        EaseParameters.defaults().maxItems()));
    }
}
