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

    /**
     * The local event log hands each append to the online features before the append returns (so a client
     * reads its own writes), and to the lake archiver on its own thread (so a chunk write never delays it).
     */
    @Singleton
    @Requires(property = "tandem.event-log", value = "local", defaultValue = "local")
    InMemoryEventLogAdapter eventLog(UpdateOnlineFeaturesUseCase updateOnlineFeatures, LocalLogArchiver archiver) {
        InMemoryEventLogAdapter log = new InMemoryEventLogAdapter();
        log.subscribe((firstOffset, events) -> updateOnlineFeatures.update(new UpdateOnlineFeaturesCommand(events)));
        log.subscribe(archiver::onAppend);
        return log;
    }

    @Singleton
    @Requires(property = "tandem.event-ids", value = "memory", defaultValue = "memory")
    InMemoryEventIdsAdapter eventIds() {
        return new InMemoryEventIdsAdapter();
    }

    @Singleton
    InMemoryCatalogAdapter catalog() {
        return new InMemoryCatalogAdapter();
    }
}
