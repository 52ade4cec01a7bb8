package io.tandem.adapters.in.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.recommendation.Recommendation;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts served answers by endpoint and by origin ({@code tandem.recommendations}), and fallback answers by
 * endpoint and the dependency the fallback names ({@code tandem.fallbacks}, Prometheus
 * {@code tandem_fallbacks_total}).
 */
@Singleton
final class ServingMetrics {

    static final String RECOMMENDATIONS = "tandem.recommendations";
    static final String FALLBACKS = "tandem.fallbacks";

    /** The endpoints that serve a recommendation; the tag value is the lower-case name. */
    enum Endpoint {
        RECOMMENDATIONS, SIMILAR, RANKINGS;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    private final MeterRegistry registry;
    // The origin counters are fixed (three endpoints, two origins): built once, not looked up per request.
    private final Map<Endpoint, Counter> fromModel = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Counter> fromFallback = new EnumMap<>(Endpoint.class);

    ServingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Endpoint endpoint : Endpoint.values()) {
            fromModel.put(endpoint, originCounter(endpoint, "model"));
            fromFallback.put(endpoint, originCounter(endpoint, "fallback"));
        }
    }

    void served(Endpoint endpoint, Recommendation recommendation) {
        FallbackStatus fallback = recommendation.fallback();
        if (!fallback.used()) {
            fromModel.get(endpoint).increment();
            return;
        }
        fromFallback.get(endpoint).increment();
        // cause() is the dependency or condition without the exception detail, so the label stays bounded.
        Counter.builder(FALLBACKS)
                .description("Answers served by the fallback instead of the model")
                .tag("endpoint", endpoint.tag)
                .tag("reason", fallback.cause().orElse("unknown"))
                .register(registry)
                .increment();
    }

    private Counter originCounter(Endpoint endpoint, String origin) {
        return Counter.builder(RECOMMENDATIONS)
                .description("Answers served, by endpoint and by origin: the model or the fallback")
                .tag("endpoint", endpoint.tag)
                .tag("model", origin)
                .register(registry);
    }
}
