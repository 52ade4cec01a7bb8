package io.tandem.adapters.in.cli;

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
 * The inbound ports the command line calls, one typed accessor each: what a {@link TandemSession} offers a command,
 * and nothing else of the platform. Bootstrap builds each one when a command first asks for it, so a command starts
 * only what it uses.
 */
public interface UseCases {

    UpsertItemsUseCase upsertItems();

    UpsertUsersUseCase upsertUsers();

    CountCatalogUseCase countCatalog();

    RecordEventsUseCase recordEvents();

    TrainModelsUseCase trainModels();

    EvaluateRecommendersUseCase evaluateRecommenders();

    CreateApiKeyUseCase createApiKey();

    ListApiKeysUseCase listApiKeys();

    RevokeApiKeyUseCase revokeApiKey();

    CreateExperimentUseCase createExperiment();

    ListExperimentsUseCase listExperiments();

    ShowExperimentUseCase showExperiment();

    StartExperimentUseCase startExperiment();

    StopExperimentUseCase stopExperiment();

    DecideExperimentUseCase decideExperiment();

    RecomputeOnlineMetricsUseCase recomputeOnlineMetrics();
}
