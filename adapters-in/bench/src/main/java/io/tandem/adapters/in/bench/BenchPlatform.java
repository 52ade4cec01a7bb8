package io.tandem.adapters.in.bench;

import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.registry.port.in.ListModelVersionsUseCase;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.application.serving.port.in.RefreshServingModelUseCase;
import io.tandem.application.training.port.in.TrainModelsUseCase;

import java.util.Objects;

/**
 * What the benchmarks reach of a running Tandem, each port by name: the use cases that load, train and serve
 * ({@code bench serve}, {@code bench ingest}, and {@code bench quality}'s offline figure), and the outbound ports of
 * the request path that the stage breakdown times one by one ({@link RequestPathPorts}).
 *
 * @param servedModel the name of the model the platform serves and trains ({@code two-stage})
 */
public record BenchPlatform(
        UpsertItemsUseCase upsertItems,
        UpsertUsersUseCase upsertUsers,
        RecordEventsUseCase recordEvents,
        ReadArchivedEventsUseCase readArchivedEvents,
        TrainModelsUseCase trainModels,
        RefreshServingModelUseCase refreshServingModel,
        ListModelVersionsUseCase listModelVersions,
        RecommendItemsUseCase recommendItems,
        EvaluateRecommendersUseCase evaluateRecommenders,
        String servedModel,
        RequestPathPorts requestPath) {

    public BenchPlatform {
        Objects.requireNonNull(upsertItems, "upsertItems");
        Objects.requireNonNull(upsertUsers, "upsertUsers");
        Objects.requireNonNull(recordEvents, "recordEvents");
        Objects.requireNonNull(readArchivedEvents, "readArchivedEvents");
        Objects.requireNonNull(trainModels, "trainModels");
        Objects.requireNonNull(refreshServingModel, "refreshServingModel");
        Objects.requireNonNull(listModelVersions, "listModelVersions");
        Objects.requireNonNull(recommendItems, "recommendItems");
        Objects.requireNonNull(evaluateRecommenders, "evaluateRecommenders");
        Objects.requireNonNull(servedModel, "servedModel");
        Objects.requireNonNull(requestPath, "requestPath");
    }
}
