package io.tandem.bootstrap;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.catalog.CatalogSnapshot;
import io.tandem.application.catalog.port.out.LoadItemChangesPort;
import io.tandem.application.catalog.port.out.LoadItemPagePort;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.experiment.port.in.AssignVariantUseCase;
import io.tandem.application.experiment.port.out.RecordServedListPort;
import io.tandem.application.feature.port.out.LoadPopularItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.ingestion.LakeInteractions;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.serving.FindSimilarItemsService;
import io.tandem.application.serving.OfflineScoringService;
import io.tandem.application.serving.RankItemsService;
import io.tandem.application.serving.RecommendItemsService;
import io.tandem.application.serving.ServingDependencies;
import io.tandem.application.serving.ServingExperiments;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.training.RetrievalModelCodec;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request path: the served champion, the rule-based fallback, and the serving use cases, with every
 * dependency behind its own timeout and circuit breaker ({@link DependencyGuard}): the online store, the catalog
 * and the scorer. The candidate retrievers run in-process on the loaded model and fail only with it.
 */
@Factory
final class ServingFactory {

    /** Items per page when the catalog snapshot reads the catalog. */
    private static final int CATALOG_PAGE = 5_000;
    /** Newest available items the snapshot keeps, overall and per category. */
    private static final int NEWEST_KEPT = 100;

    /** The retrievers' codec: training writes with it, serving reads with it. */
    @Singleton
    RetrievalModelCodec retrievalModelCodec() {
        return new RetrievalModelCodec();
    }

    /** Threads that wait on remote dependencies, so a request can stop waiting at its timeout. */
    @Singleton
    @Named("tandem-guard")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService guardExecutor() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, 256, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "tandem-guard-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Singleton
    @Named("scorer")
    DependencyGuard scorerGuard(ServingConfiguration serving) {
        return new DependencyGuard("scorer", serving.scorerTimeout(), serving.circuitOpenFor(), null);
    }

    @Singleton
    @Named("online-store")
    DependencyGuard onlineStoreGuard(ServingConfiguration serving) {
        // No thread hop: the embedded store is in-process memory, and the Redis adapter bounds its user-state read
        // by this same timeout itself (RedisAdaptersFactory), waiting on Lettuce's future on the request thread.
        return new DependencyGuard("online store", serving.onlineStoreTimeout(), serving.circuitOpenFor(), null);
    }

    @Singleton
    @Named("catalog")
    DependencyGuard catalogGuard(ServingConfiguration serving, @Named("tandem-guard") ExecutorService executor) {
        return new DependencyGuard("catalog", serving.catalogTimeout(), serving.circuitOpenFor(), executor);
    }

    /**
     * ONNX Runtime loads with the first model; every batch scored goes through the scorer's guard. With the
     * catalog snapshot, a loaded model's view of it is built before the model serves.
     */
    @Singleton
    ServingModels servingModels(TrainingConfiguration training, LoadModelVersionsPort versions,
                                LoadModelArtifactPort artifacts, BeanProvider<LoadScoringModelPort> scoring,
                                RetrievalModelCodec codec, @Named("scorer") DependencyGuard scorer,
                                ServingConfiguration serving, BeanProvider<CatalogSnapshot> snapshot) {
        LoadScoringModelPort guarded = (artifact, featureCount) -> {
            ScoringModel model = scoring.get().load(artifact, featureCount);
            return new ScoringModel() {
                @Override
                public int featureCount() {
                    return model.featureCount();
                }

                @Override
                public float[] score(float[] features, int rows) {
                    return scorer.call(() -> model.score(features, rows));
                }

                @Override
                public void close() {
                    model.close();
                }
            };
        };
        LoadItemsPort catalog = serving.catalogSnapshot() ? snapshot.get() : ids -> Map.of();
        return new ServingModels(training.model(), versions, artifacts, guarded, codec::decode, catalog);
    }

    @Singleton
    RuleBasedFallbackAdapter fallback(FallbackConfiguration fallback, LoadPopularItemsPort popular,
                                      LoadNewestItemsPort newest, LoadItemsPort items, Clock clock) {
        return new RuleBasedFallbackAdapter(fallback.rules(), popular, newest, items, clock, fallback.depth());
    }

    /** The lake's view of a user, scored by the served model: the offline side of the consistency check. */
    @Singleton
    OfflineScoringService offlineScoring(ServingModels models, ReadLakePort readLake, LoadItemsPort items,
                                         FeaturePolicy policy) {
        return new OfflineScoringService(models, new LakeInteractions(readLake, items, policy.labelWeights()));
    }

    /**
     * The catalog in memory for the request path (refreshed by {@link CatalogSnapshotLifecycle}); until its first
     * refresh, and for long newest-item lists, it reads the catalog through the catalog's guard. Typed as itself
     * only: other beans asking for the catalog ports get the catalog.
     */
    @Singleton
    @Bean(typed = CatalogSnapshot.class)
    CatalogSnapshot catalogSnapshot(LoadItemPagePort pages, LoadItemChangesPort changes, LoadItemsPort items,
                                    LoadNewestItemsPort newest, ServingConfiguration serving,
                                    @Named("catalog") DependencyGuard catalog) {
        LoadItemsPort guardedItems = ids -> catalog.call(() -> items.loadItems(ids));
        LoadNewestItemsPort guardedNewest = (category, limit) -> catalog.call(() -> newest.newestItems(category, limit));
        return new CatalogSnapshot(pages, changes, guardedItems, guardedNewest, CATALOG_PAGE,
                Math.max(NEWEST_KEPT, serving.freshItems()));
    }

    /**
     * What the serving use cases read, each remote dependency behind its guard: the online store always, the
     * catalog unless the in-memory snapshot answers for it. Each request is assigned to the experiment running on
     * its surface from the running experiments read at most once per {@code tandem.experiments.refresh-interval}
     * (no store round trip per request), and a list served inside an experiment is recorded in the online store
     * and queued for the lake ({@link ServedListLakeWriter}).
     */
    @Singleton
    ServingDependencies servingDependencies(ServingModels models, LoadUserStatePort userState, LoadItemsPort items,
                                            LoadNewestItemsPort newest, RuleBasedFallbackAdapter fallback,
                                            ServingConfiguration serving,
                                            @Named("online-store") DependencyGuard onlineStore,
                                            @Named("catalog") DependencyGuard catalog, CatalogSnapshot snapshot,
                                            AssignVariantUseCase assignments, RecordServedListPort servedLists,
                                            ServedListLakeWriter servedLake, Clock clock) {
        LoadUserStatePort guardedState = (user, limit) -> onlineStore.call(() -> userState.userState(user, limit));
        LoadItemsPort catalogItems = serving.catalogSnapshot() ? snapshot
                : ids -> catalog.call(() -> items.loadItems(ids));
        LoadNewestItemsPort catalogNewest = serving.catalogSnapshot() ? snapshot
                : (category, limit) -> catalog.call(() -> newest.newestItems(category, limit));
        return new ServingDependencies(models, guardedState, catalogItems, catalogNewest, fallback,
                serving.settings(), ServingFactory::requestId,
                new ServingExperiments(assignments, list -> {
                    // The lake first: it only queues, and keeps the list even when the online store is away.
                    servedLake.offer(list);
                    servedLists.recordServedList(list);
                }, clock));
    }

    @Singleton
    RecommendItemsService recommendItems(ServingDependencies dependencies) {
        return new RecommendItemsService(dependencies);
    }

    @Singleton
    FindSimilarItemsService findSimilarItems(ServingDependencies dependencies) {
        return new FindSimilarItemsService(dependencies);
    }

    @Singleton
    RankItemsService rankItems(ServingDependencies dependencies) {
        return new RankItemsService(dependencies);
    }

    /**
     * A random (version 4) UUID drawn from the thread's own generator: request ids must be unique, not
     * unpredictable, and {@link UUID#randomUUID()} takes one lock shared by every request thread.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
