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
import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.port.in.StopExperimentUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.training.port.in.TrainModelsUseCase;

/**
 * A started context as the command line sees it: the use cases it calls, typed, taken from the context once;
 * closing the session closes the context.
 */
final class MicronautSession implements TandemSession {

    private final ApplicationContext context;
    private final UseCases useCases;

    MicronautSession(ApplicationContext context) {
        this.context = context;
        this.useCases = new UseCases(
                context.getBean(UpsertItemsUseCase.class),
                context.getBean(UpsertUsersUseCase.class),
                context.getBean(CountCatalogUseCase.class),
                context.getBean(RecordEventsUseCase.class),
                context.getBean(TrainModelsUseCase.class),
                context.getBean(EvaluateRecommendersUseCase.class),
                context.getBean(CreateApiKeyUseCase.class),
                context.getBean(ListApiKeysUseCase.class),
                context.getBean(RevokeApiKeyUseCase.class),
                context.getBean(CreateExperimentUseCase.class),
                context.getBean(ListExperimentsUseCase.class),
                context.getBean(ShowExperimentUseCase.class),
                context.getBean(StartExperimentUseCase.class),
                context.getBean(StopExperimentUseCase.class));
    }

    @Override
    public UseCases useCases() {
        return useCases;
    }

    @Override
    public void close() {
        context.close();
    }
}
