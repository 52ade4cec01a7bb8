package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.application.serving.ServingSettings;
import io.tandem.domain.InvalidFieldException;

import java.time.Duration;

/**
 * {@code tandem.serving.*}: the request path. Each dependency call is bounded by its own timeout, and the
 * timeouts together fit in the request {@code budget} ({@code model-poll-interval} is read by {@link ServingLifecycle},
 * whose default depends on the event log). With {@code catalog-snapshot}
 * the request path reads the catalog from memory, read again in full every {@code catalog-refresh-interval}
 * (writes through this instance show at once, writes elsewhere within that interval). A request that waited
 * longer than {@code max-queue-wait} for a serving worker ({@code micronaut.executors.serving}) is answered by the
 * rules at once; unset, it is half the budget; 0s lifts the limit (ADR-0039).
 */
@ConfigurationProperties("tandem.serving")
record ServingConfiguration(@Bindable(defaultValue = "500") int historyLimit,
                            @Bindable(defaultValue = "20") int freshItems,
                            @Bindable(defaultValue = "0") int freshSlots,
                            @Bindable(defaultValue = "50ms") Duration budget,
                            @Bindable(defaultValue = "15ms") Duration onlineStoreTimeout,
                            @Bindable(defaultValue = "15ms") Duration catalogTimeout,
                            @Bindable(defaultValue = "15ms") Duration scorerTimeout,
                            @Bindable(defaultValue = "2s") Duration circuitOpenFor,
                            @Bindable(defaultValue = "true") boolean catalogSnapshot,
                            @Bindable(defaultValue = "30s") Duration catalogRefreshInterval,
                            @Bindable(defaultValue = "0") int candidates,
                            @Nullable Duration maxQueueWait) {

    ServingConfiguration {
        for (Duration timeout : new Duration[] {onlineStoreTimeout, catalogTimeout, scorerTimeout, circuitOpenFor}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidFieldException("tandem.serving", "timeouts must be positive");
            }
        }
        if (catalogRefreshInterval.isNegative() || catalogRefreshInterval.isZero()) {
            throw new InvalidFieldException("tandem.serving.catalog-refresh-interval", "must be positive");
        }
        if (onlineStoreTimeout.plus(catalogTimeout).plus(scorerTimeout).compareTo(budget) > 0) {
            throw new InvalidFieldException("tandem.serving.budget", "is " + budget.toMillis()
                    + " ms, less than the dependency timeouts together (online store, catalog, scorer)");
        }
        // Unset: half the budget, so that a budget raised for a slow machine or a test raises the wait with it.
        maxQueueWait = maxQueueWait == null ? budget.dividedBy(2) : maxQueueWait;
        if (maxQueueWait.isNegative()) {
            throw new InvalidFieldException("tandem.serving.max-queue-wait",
                    "must not be negative (0s lifts the limit)");
        }
        if (maxQueueWait.compareTo(budget) > 0) {
            throw new InvalidFieldException("tandem.serving.max-queue-wait", "is " + maxQueueWait.toMillis()
                    + " ms, longer than the request budget tandem.serving.budget (" + budget.toMillis() + " ms)");
        }
    }

    ServingSettings settings() {
        return new ServingSettings(historyLimit, freshItems, freshSlots, candidates, maxQueueWait.toNanos());
    }
}
