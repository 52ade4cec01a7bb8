package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.memory.InMemoryCatalogAdapter;
import io.tandem.adapters.out.memory.InMemoryEventIdsAdapter;
import io.tandem.adapters.out.memory.InMemoryEventLogAdapter;
import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.application.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.application.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.domain.feature.FeaturePolicy;
import jakarta.inject.Singleton;

/** The embedded defaults: everything in process, no server needed. */
@Factory
final class EmbeddedAdaptersFactory {

    @Singleton
    @Requires(property = "tandem.online-store", value = "memory", defaultValue = "memory")
    InMemoryOnlineFeaturesAdapter onlineFeatures(FeaturePolicy policy) {
        return new InMemoryOnlineFeaturesAdapter(policy.popularityHalfLife(), policy.recentItemsCap());
    }

    /** The local event log hands each append to the online features before the append returns. */
    @Singleton
    @Requires(property = "tandem.event-log", value = "local", defaultValue = "local")
    InMemoryEventLogAdapter eventLog(UpdateOnlineFeaturesUseCase updateOnlineFeatures) {
        InMemoryEventLogAdapter log = new InMemoryEventLogAdapter();
        log.subscribe(events -> updateOnlineFeatures.update(new UpdateOnlineFeaturesCommand(events)));
        return log;
    }

    @Singleton
    @Requires(property = "tandem.event-log", value = "local", defaultValue = "local")
    InMemoryEventIdsAdapter eventIds() {
        return new InMemoryEventIdsAdapter();
    }

    @Singleton
    InMemoryCatalogAdapter catalog() {
        return new InMemoryCatalogAdapter();
    }
}
