package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.adapters.in.cli.UseCases;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.access.port.in.ListApiKeysUseCase;
import io.tandem.application.access.port.in.RevokeApiKeyUseCase;
import io.tandem.application.catalog.port.in.CountCatalogUseCase;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.application.experiment.port.in.CreateExperimentUseCase;
import io.tandem.application.experiment.port.in.DecideExperimentUseCase;
import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsUseCase;
import io.tandem.application.experiment.port.in.StopExperimentUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.training.port.in.TrainModelsUseCase;

/**
 * A started context as the command line sees it: the use cases it calls, typed, each taken from the context when a
 * command first asks for it (a command builds only what it uses); closing the session closes the context.
 */
final class MicronautSession implements TandemSession, UseCases {

    private final ApplicationContext context;

    MicronautSession(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public UseCases useCases() {
        return this;
    }

    @Override
    public UpsertItemsUseCase upsertItems() {
        return context.getBean(UpsertItemsUseCase.class);
    }

    @Override
    public UpsertUsersUseCase upsertUsers() {
        return context.getBean(UpsertUsersUseCase.class);
    }

    @Override
    public CountCatalogUseCase countCatalog() {
        return context.getBean(CountCatalogUseCase.class);
    }

    @Override
    public RecordEventsUseCase recordEvents() {
        return context.getBean(RecordEventsUseCase.class);
    }

    @Override
    public TrainModelsUseCase trainModels() {
        return context.getBean(TrainModelsUseCase.class);
    }

    @Override
    public EvaluateRecommendersUseCase evaluateRecommenders() {
        return context.getBean(EvaluateRecommendersUseCase.class);
    }

    @Override
    public CreateApiKeyUseCase createApiKey() {
        return context.getBean(CreateApiKeyUseCase.class);
    }

    @Override
    public ListApiKeysUseCase listApiKeys() {
        return context.getBean(ListApiKeysUseCase.class);
    }

    @Override
    public RevokeApiKeyUseCase revokeApiKey() {
        return context.getBean(RevokeApiKeyUseCase.class);
    }

    @Override
    public CreateExperimentUseCase createExperiment() {
        return context.getBean(CreateExperimentUseCase.class);
    }

    @Override
    public ListExperimentsUseCase listExperiments() {
        return context.getBean(ListExperimentsUseCase.class);
    }

    @Override
    public ShowExperimentUseCase showExperiment() {
        return context.getBean(ShowExperimentUseCase.class);
    }

    @Override
    public StartExperimentUseCase startExperiment() {
        return context.getBean(StartExperimentUseCase.class);
    }

    @Override
    public StopExperimentUseCase stopExperiment() {
        return context.getBean(StopExperimentUseCase.class);
    }

    @Override
    public DecideExperimentUseCase decideExperiment() {
        return context.getBean(DecideExperimentUseCase.class);
    }

    @Override
    public RecomputeOnlineMetricsUseCase recomputeOnlineMetrics() {
        return context.getBean(RecomputeOnlineMetricsUseCase.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
