package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.tandem.application.port.in.RecordEventsUseCase;
import io.tandem.application.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.port.out.AppendEventsPort;
import io.tandem.application.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.port.out.ClaimEventIdsPort;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.SaveItemsPort;
import io.tandem.application.port.out.SaveUsersPort;
import io.tandem.application.port.out.LoadUserPort;
import io.tandem.application.port.out.DeleteItemPort;
import io.tandem.application.port.out.CountCatalogPort;
import io.tandem.application.service.RecordEventsService;
import io.tandem.application.service.UpdateOnlineFeaturesService;
import io.tandem.application.service.CatalogService;
import io.tandem.application.service.CatalogSnapshot;
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

    @Singleton
    UpdateOnlineFeaturesUseCase updateOnlineFeatures(FeaturePolicy policy, LoadItemsPort items,
                                                     ApplyFeatureUpdatesPort applyUpdates) {
        return new UpdateOnlineFeaturesService(policy, items, applyUpdates);
    }

    /**
     * One service answers every catalog use case. Its writes reach the serving snapshot as soon as the catalog
     * has them, so this instance serves what it was just told.
     */
    @Singleton
    CatalogService catalog(SaveItemsPort saveItems, LoadItemsPort loadItems, DeleteItemPort deleteItem,
                           SaveUsersPort saveUsers, LoadUserPort loadUser, CountCatalogPort countCatalog,
                           CatalogSnapshot snapshot, TimeWindow window, Clock clock) {
        SaveItemsPort saveThrough = batch -> {
            saveItems.save(batch);
            snapshot.saved(batch);
        };
        DeleteItemPort deleteThrough = id -> {
            boolean deleted = deleteItem.deleteItem(id);
            snapshot.deleted(id);
            return deleted;
        };
        return new CatalogService(saveThrough, loadItems, deleteThrough, saveUsers, loadUser, countCatalog, window,
                clock);
    }
}
