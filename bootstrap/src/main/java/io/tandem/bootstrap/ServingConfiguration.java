package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.application.serving.ServingSettings;
import io.tandem.domain.InvalidFieldException;

import java.time.Duration;

/**
 * {@code tandem.serving.*}: the request path. Each dependency call is bounded by its own timeout, and the
 * timeouts together fit in the request {@code budget} ({@code model-poll-interval} is read by {@link ServingLifecycle},
 * whose default depends on the event log). With {@code catalog-snapshot}
 * the request path reads the catalog from memory, read again in full every {@code catalog-refresh-interval}
 * (writes through this instance show at once, writes elsewhere within that interval).
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
                            @Bindable(defaultValue = "0") int candidates) {

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
    }

    ServingSettings settings() {
        return new ServingSettings(historyLimit, freshItems, freshSlots, candidates);
    }
}
