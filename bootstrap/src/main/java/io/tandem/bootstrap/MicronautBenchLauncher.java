package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.in.bench.BenchLauncher;
import io.tandem.adapters.in.bench.BenchPlatform;
import io.tandem.adapters.in.bench.BenchServer;
import io.tandem.adapters.in.bench.RequestPathPorts;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.registry.port.in.ListModelVersionsUseCase;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.serving.ServingSettings;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.application.training.port.in.TrainModelsUseCase;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts Tandem for a benchmark run, on embedded defaults overridden by the run's properties, with its HTTP server
 * on a free port, and hands the benchmarks exactly the ports {@link BenchPlatform} names.
 */
final class MicronautBenchLauncher implements BenchLauncher {

    @Override
    public BenchServer startServer(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.putIfAbsent("micronaut.server.port", -1);
        ApplicationContext context = MicronautTandemLauncher.start(all, Profile.EMBEDDED, true);
        String url = MicronautTandemLauncher.url(context);
        BenchPlatform platform = platform(context);
        return new BenchServer() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public BenchPlatform platform() {
                return platform;
            }

            @Override
            public void close() {
                context.close();
            }
        };
    }

    static BenchPlatform platform(ApplicationContext context) {
        ServingModels models = context.getBean(ServingModels.class);
        ServingSettings settings = context.getBean(ServingConfiguration.class).settings();
        RequestPathPorts requestPath = new RequestPathPorts(
                context.getBean(LoadUserStatePort.class),
                context.getBean(LoadNewestItemsPort.class),
                context.getBean(LoadItemsPort.class),
                context.getBean(LoadModelArtifactPort.class),
                context.getBean(LoadScoringModelPort.class),
                settings.historyLimit(),
                settings.freshItems());
        return new BenchPlatform(
                context.getBean(UpsertItemsUseCase.class),
                context.getBean(UpsertUsersUseCase.class),
                context.getBean(RecordEventsUseCase.class),
                context.getBean(ReadArchivedEventsUseCase.class),
                context.getBean(TrainModelsUseCase.class),
                models,
                context.getBean(ListModelVersionsUseCase.class),
                context.getBean(RecommendItemsUseCase.class),
                context.getBean(EvaluateRecommendersUseCase.class),
                models.modelName(),
                requestPath);
    }
}
