package io.tandem.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/**
 * The counter of records a consumer of the event log could not apply and set aside (ADR-0020):
 * {@code tandem.quarantined.records} (Prometheus {@code tandem_quarantined_records_total}), tagged with the log
 * ({@code local} or {@code kafka}) and the consumer.
 */
@Singleton
final class QuarantineMetrics {

    private final BeanProvider<MeterRegistry> meters;

    QuarantineMetrics(BeanProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    /** Counts one quarantined record of {@code consumer} on {@code log} each time it runs. */
    Runnable counter(String log, String consumer) {
        if (!meters.isPresent()) {
            return () -> { };
        }
        Counter counter = Counter.builder("tandem.quarantined.records")
                .description("Records a consumer of the event log could not apply and set aside")
                .tag("log", log)
                .tag("consumer", consumer)
                .register(meters.get());
        return counter::increment;
    }
}
