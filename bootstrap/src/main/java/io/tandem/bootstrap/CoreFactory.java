package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.tandem.application.port.in.RecordEventsUseCase;
import io.tandem.application.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.port.out.AppendEventsPort;
import io.tandem.application.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.port.out.ClaimEventIdsPort;
import io.tandem.application.port.out.CountCatalogPort;
import io.tandem.application.port.out.DeleteItemPort;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadUserPort;
import io.tandem.application.port.out.SaveItemsPort;
import io.tandem.application.port.out.SaveUsersPort;
import io.tandem.application.service.CatalogSnapshot;
import io.tandem.application.service.CountCatalogService;
import io.tandem.application.service.DeleteItemService;
import io.tandem.application.service.FindItemService;
import io.tandem.application.service.FindUserService;
import io.tandem.application.service.RecordEventsService;
import io.tandem.application.service.UpdateOnlineFeaturesService;
import io.tandem.application.service.UpsertItemsService;
import io.tandem.application.service.UpsertUsersService;
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
