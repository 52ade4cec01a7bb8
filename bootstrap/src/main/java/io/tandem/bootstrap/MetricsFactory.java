package io.tandem.bootstrap;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** How the metrics at {@code /prometheus} are shaped before anyone can read them. */
@Factory
final class MetricsFactory {

    /**
     * Drops the {@code exception} tag the HTTP server metrics carry: {@code /prometheus} is open to anyone, and an
     * answer names no exception type (ADR-0019). The status tag still tells errors apart.
     */
    @Singleton
    MeterFilter withoutExceptionTypes() {
        return MeterFilter.ignoreTags("exception");
    }
}
