package io.tandem.bootstrap;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps {@code /health/readiness} DOWN (HTTP 503) while this process is held back from serving what it is for:
 * {@code tandem demo} holds it from before its HTTP server starts until its data is loaded and its model serves
 * (ADR-0021), so a load balancer or a script waiting for readiness never meets the empty answers of a demo still
 * loading. Nothing else holds it: a plain {@code serve} is ready once it has started. The reason is a detail, and
 * details are never shown (ADR-0019).
 */
@Singleton
@Readiness
final class ReadinessGate implements HealthIndicator {

    private static final String NAME = "tandem";

    private final AtomicReference<String> holding = new AtomicReference<>();

    /** Not ready until {@link #release()}, for {@code reason}. */
    void hold(String reason) {
        holding.set(Objects.requireNonNull(reason, "reason"));
    }

    void release() {
        holding.set(null);
    }

    boolean held() {
        return holding.get() != null;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        String reason = holding.get();
        HealthResult result = reason == null
                ? HealthResult.builder(NAME, HealthStatus.UP).build()
                : HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("waiting", reason)).build();
        return Publishers.just(result);
    }
}
