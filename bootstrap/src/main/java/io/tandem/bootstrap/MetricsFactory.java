package io.tandem.bootstrap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** How the metrics at {@code /prometheus} are shaped before anyone can read them. */
@Factory
final class MetricsFactory {

    static final String SERVER_REQUESTS = "http.server.requests";

    /**
     * Drops the {@code exception} tag the HTTP server metrics carry: {@code /prometheus} is open to anyone, and an
     * answer names no exception type (ADR-0019). The status tag still tells errors apart.
     */
    @Singleton
    MeterFilter withoutExceptionTypes() {
        return MeterFilter.ignoreTags("exception");
    }

    /**
     * Keeps p50 and p99 of the HTTP server timers (over Micrometer's decaying window), which the console's
     * overview plots and {@code /prometheus} exposes as quantiles (ADR-0028).
     */
    @Singleton
    MeterFilter serverLatencyPercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.99).build().merge(config);
            }
        };
    }
}
