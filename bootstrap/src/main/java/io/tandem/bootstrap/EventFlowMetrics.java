package io.tandem.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the events that flow through this instance, for {@code /prometheus} and the console's overview:
 * {@code tandem.events.applied} (by type) as every event-log consumer hands them to the online features, whether
 * they came over HTTP or Kafka, and {@code tandem.lake.events.written} as batches reach the lake. It wraps the two
 * beans when they are created, so neither the services nor the adapters change.
 */
final class EventFlowMetrics {

    static final int RECENT_BATCHES = 1_024;

    private EventFlowMetrics() {
    }

    /** Wraps the online-feature use case with a counter per event type. */
    @Singleton
    static final class OnlineFeatures implements BeanCreatedEventListener<UpdateOnlineFeaturesUseCase> {

        private final BeanProvider<MeterRegistry> meters;
        // Registered on first use: the registry is not asked for while the beans are still being built.
        private volatile Map<EventType, Counter> counters;

        OnlineFeatures(BeanProvider<MeterRegistry> meters) {
            this.meters = meters;
        }

        @Override
        public UpdateOnlineFeaturesUseCase onCreated(BeanCreatedEvent<UpdateOnlineFeaturesUseCase> event) {
            UpdateOnlineFeaturesUseCase inner = event.getBean();
            return command -> {
                inner.update(command);
                Map<EventType, Counter> byType = counters();
                for (Event applied : command.events()) {
                    byType.get(applied.type()).increment();
                }
            };
        }

        private Map<EventType, Counter> counters() {
            Map<EventType, Counter> built = counters;
            if (built == null) {
                synchronized (this) {
                    built = counters;
                    if (built == null) {
                        built = new EnumMap<>(EventType.class);
                        MeterRegistry registry = meters.get();
                        for (EventType type : EventType.values()) {
                            built.put(type, Counter.builder("tandem.events.applied")
                                    .description("Events applied to the online features, by type")
                                    .tag("type", type.wireName())
                                    .register(registry));
                        }
                        counters = built;
                    }
                }
            }
            return built;
        }
    }

    /**
     * Counts the events each batch adds to the lake. The archiver rewrites a chunk under the same batch id as it
     * grows (ADR-0010), so only the growth over the last write of that id counts; the last sizes of the 1,024 most
     * recent ids are kept, far more than the chunks open at once (one per log partition).
     */
    static WriteLakePort countingLakeWrites(WriteLakePort inner, MeterRegistry registry) {
        Counter written = Counter.builder("tandem.lake.events.written")
                .description("Events written to the data lake since the instance started")
                .register(registry);
        Map<String, Integer> lastSizes = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > RECENT_BATCHES;
            }
        };
        return (String batchId, List<Event> events) -> {
            inner.write(batchId, events);
            int added;
            synchronized (lastSizes) {
                Integer before = lastSizes.put(batchId, events.size());
                added = events.size() - (before == null ? 0 : before);
            }
            if (added > 0) {
                written.increment(added);
            }
        };
    }
}
