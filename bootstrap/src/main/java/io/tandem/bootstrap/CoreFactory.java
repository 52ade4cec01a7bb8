package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.tandem.application.catalog.CatalogSnapshot;
import io.tandem.application.catalog.CountCatalogService;
import io.tandem.application.catalog.DeleteItemService;
import io.tandem.application.catalog.FindItemService;
import io.tandem.application.catalog.FindUserService;
import io.tandem.application.catalog.UpsertItemsService;
import io.tandem.application.catalog.UpsertUsersService;
import io.tandem.application.catalog.port.out.CountCatalogPort;
import io.tandem.application.catalog.port.out.DeleteItemPort;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadUserPort;
import io.tandem.application.catalog.port.out.SaveItemsPort;
import io.tandem.application.catalog.port.out.SaveUsersPort;
import io.tandem.application.experiment.port.in.AttributeEventsCommand;
import io.tandem.application.experiment.port.in.AttributeEventsUseCase;
import io.tandem.application.feature.UpdateOnlineFeaturesService;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.feature.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.ingestion.RecordEventsService;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.ingestion.port.out.AppendEventsPort;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.feature.FeaturePolicy;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Builds the use cases from whichever adapters were chosen; the services themselves know no framework. */
@Factory
final class CoreFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    FeaturePolicy featurePolicy(FeaturesConfiguration configuration) {
        return configuration.policy();
    }

    @Singleton
    TimeWindow timeWindow(InputConfiguration input) {
        return input.timeWindow();
    }

    @Singleton
    RecordEventsUseCase recordEvents(ClaimEventIdsPort claimEventIds, AppendEventsPort appendEvents,
                                     TimeWindow window, Clock clock) {
        return new RecordEventsService(claimEventIds, appendEvents, window, clock);
    }

    /**
     * The event log's online-feature consumer: each batch updates the online features, then its follow-up events
     * are attributed to the experiment lists they quote (ADR-0026), unless {@code tandem.experiments.attribute} is
     * off on this instance. A batch that fails in either step is delivered again, and both steps count an event id
     * once.
     */
    @Singleton
    UpdateOnlineFeaturesUseCase updateOnlineFeatures(FeaturePolicy policy, LoadItemsPort items,
                                                     ApplyFeatureUpdatesPort applyUpdates,
                                                     AttributeEventsUseCase attribution,
                                                     ExperimentsConfiguration experiments) {
        UpdateOnlineFeaturesService features = new UpdateOnlineFeaturesService(policy, items, applyUpdates);
        if (!experiments.attribute()) {
            return features;
        }
        return command -> {
            features.update(command);
            attribution.attribute(new AttributeEventsCommand(command.events()));
        };
    }

    /**
     * Catalog writes reach the serving snapshot as soon as the catalog has them, so this instance serves what it
     * was just told.
     */
    @Singleton
    UpsertItemsService upsertItems(SaveItemsPort saveItems, CatalogSnapshot snapshot, TimeWindow window,
                                   Clock clock) {
        SaveItemsPort saveThrough = batch -> {
            saveItems.save(batch);
            snapshot.saved(batch);
        };
        return new UpsertItemsService(saveThrough, window, clock);
    }

    @Singleton
    DeleteItemService deleteItem(DeleteItemPort deleteItem, CatalogSnapshot snapshot) {
        DeleteItemPort deleteThrough = id -> {
            boolean deleted = deleteItem.deleteItem(id);
            snapshot.deleted(id);
            return deleted;
        };
        return new DeleteItemService(deleteThrough);
    }

    @Singleton
    FindItemService findItem(LoadItemsPort loadItems) {
        return new FindItemService(loadItems);
    }

    @Singleton
    UpsertUsersService upsertUsers(SaveUsersPort saveUsers) {
        return new UpsertUsersService(saveUsers);
    }

    @Singleton
    FindUserService findUser(LoadUserPort loadUser) {
        return new FindUserService(loadUser);
    }

    @Singleton
    CountCatalogService countCatalog(CountCatalogPort countCatalog) {
        return new CountCatalogService(countCatalog);
    }
}
