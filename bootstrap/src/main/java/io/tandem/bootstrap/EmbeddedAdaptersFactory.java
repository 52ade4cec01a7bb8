package io.tandem.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.filesystem.FileEventLogAdapter;
import io.tandem.adapters.out.memory.Bucket4jMemoryRateLimitAdapter;
import io.tandem.adapters.out.memory.InMemoryApiKeysAdapter;
import io.tandem.adapters.out.memory.InMemoryCatalogAdapter;
import io.tandem.adapters.out.memory.InMemoryEventIdsAdapter;
import io.tandem.adapters.out.memory.InMemoryEventLogAdapter;
import io.tandem.adapters.out.memory.InMemoryExperimentsAdapter;
import io.tandem.adapters.out.memory.InMemoryJobsAdapter;
import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.adapters.out.memory.InMemoryOnlineMetricsAdapter;
import io.tandem.adapters.out.memory.InMemoryServedListsAdapter;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.interaction.Event;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The embedded defaults: everything in process or in local files, no server needed. */
@Factory
final class EmbeddedAdaptersFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAdaptersFactory.class);
    private static final int REPLAY_BATCH = 10_000;

    @Singleton
    @Requires(property = "tandem.online-store", value = "memory", defaultValue = "memory")
    InMemoryOnlineFeaturesAdapter onlineFeatures(FeaturePolicy policy) {
        return new InMemoryOnlineFeaturesAdapter(policy.popularityHalfLife(), policy.recentItemsCap());
    }

    /** The lists served inside experiments, beside the online features. */
    @Singleton
    @Requires(property = "tandem.online-store", value = "memory", defaultValue = "memory")
    InMemoryServedListsAdapter servedLists(ExperimentsConfiguration experiments, Clock clock) {
        return new InMemoryServedListsAdapter(experiments.servedListTtl(), clock);
    }

    /**
     * The durable local event log. At start it is replayed into what lives in memory (the online store and
     * the event-id claims, when those are the in-memory adapters) and into the lake archiver from where it
     * stopped; then each durable append goes to the online features before the append returns (a client
     * reads its own writes) and to the archiver on its own thread. A record no consumer can read is quarantined
     * beside the log and counted (ADR-0020).
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.event-log", value = "local", defaultValue = "local")
    FileEventLogAdapter localEventLog(@Property(name = "tandem.local-log.path") String path,
                                      UpdateOnlineFeaturesUseCase updateOnlineFeatures, LocalLogFeatures features,
                                      LocalLogArchiver archiver, ClaimEventIdsPort claims, AdapterSelection selection,
                                      QuarantineMetrics quarantine) {
        FileEventLogAdapter log = new FileEventLogAdapter(Path.of(path), quarantine.counter("local", "event-log"));
        LocalLogReader reader = (from, size, batches) -> log.replay(from, size, batches::accept);
        boolean memoryFeatures = "memory".equals(selection.chosen(AdapterChoice.ONLINE_STORE));
        boolean memoryClaims = "memory".equals(selection.chosen(AdapterChoice.EVENT_IDS));
        if (log.nextOffset() > 0 && (memoryFeatures || memoryClaims)) {
            LOG.info("replaying {} events of the local event log {} into memory", log.nextOffset(), path);
            log.replay(0, REPLAY_BATCH, (firstOffset, events) -> {
                if (memoryClaims) {
                    claims.claim(events.stream().map(Event::id).toList());
                }
                if (memoryFeatures) {
                    updateOnlineFeatures.update(new UpdateOnlineFeaturesCommand(events));
                }
            });
        }
        archiver.resume(reader, log.nextOffset());
        features.attach(reader);
        log.subscribe(features::onAppend);
        log.subscribe(archiver::onAppend);
        return log;
    }

    /** An event log in memory only, for throwaway runs and benchmarks: everything is gone at exit. */
    @Singleton
    @Requires(property = "tandem.event-log", value = "memory")
    InMemoryEventLogAdapter memoryEventLog(LocalLogFeatures features, LocalLogArchiver archiver) {
        InMemoryEventLogAdapter log = new InMemoryEventLogAdapter();
        LocalLogReader reader = (from, size, batches) -> {
            List<Event> all = log.events();
            for (long first = from; first < all.size(); first += size) {
                batches.accept(first, all.subList((int) first, (int) Math.min(all.size(), first + size)));
            }
        };
        archiver.attach(reader);
        features.attach(reader);
        log.subscribe(features::onAppend);
        log.subscribe(archiver::onAppend);
        return log;
    }

    @Singleton
    @Requires(property = "tandem.event-ids", value = "memory", defaultValue = "memory")
    InMemoryEventIdsAdapter eventIds() {
        return new InMemoryEventIdsAdapter();
    }

    @Singleton
    @Requires(property = "tandem.jobs", value = "memory")
    InMemoryJobsAdapter jobs() {
        return new InMemoryJobsAdapter();
    }

    @Singleton
    @Requires(property = "tandem.auth.rate-limits", value = "memory", defaultValue = "memory")
    Bucket4jMemoryRateLimitAdapter rateLimits() {
        return new Bucket4jMemoryRateLimitAdapter();
    }

    @Singleton
    @Requires(property = "tandem.auth.keys", value = "memory")
    InMemoryApiKeysAdapter apiKeys() {
        return new InMemoryApiKeysAdapter();
    }

    @Singleton
    @Requires(property = "tandem.catalog", value = "memory")
    InMemoryCatalogAdapter catalog() {
        return new InMemoryCatalogAdapter();
    }

    @Singleton
    @Requires(property = "tandem.experiments.store", value = "memory")
    InMemoryExperimentsAdapter experiments() {
        return new InMemoryExperimentsAdapter();
    }

    @Singleton
    @Requires(property = "tandem.experiments.store", value = "memory")
    InMemoryOnlineMetricsAdapter onlineMetrics() {
        return new InMemoryOnlineMetricsAdapter();
    }
}
