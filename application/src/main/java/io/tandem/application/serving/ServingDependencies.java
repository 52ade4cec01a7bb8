package io.tandem.application.serving;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.serving.port.out.RecommendFallbackPort;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the request path reads, wired once and shared by the recommend, similar-items and re-rank services: the
 * served champion, the online store, the catalog, the rule-based fallback, the serving settings and the source of
 * request ids. Whoever wires them puts each remote port behind its own timeout and circuit breaker; a failure or
 * a timeout of a port then reaches the request path as an exception, and the answer names the dependency.
 *
 * @param userState one round trip to the online store per request
 * @param items     one batched catalog read per request
 * @param newest      the newest catalog items: fresh items to explore, and whether the catalog is empty at all
 * @param experiments the variant each request's user is assigned to, and where the lists served inside an
 *                    experiment are recorded
 */
public record ServingDependencies(ServingModels models, LoadUserStatePort userState, LoadItemsPort items,
                                  LoadNewestItemsPort newest, RecommendFallbackPort fallback,
                                  ServingSettings settings, Supplier<String> requestIds,
                                  ServingExperiments experiments) {

    public ServingDependencies {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(userState, "userState");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(newest, "newest");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(requestIds, "requestIds");
        Objects.requireNonNull(experiments, "experiments");
    }

    /** Outside every experiment. */
    public ServingDependencies(ServingModels models, LoadUserStatePort userState, LoadItemsPort items,
                               LoadNewestItemsPort newest, RecommendFallbackPort fallback,
                               ServingSettings settings, Supplier<String> requestIds) {
        this(models, userState, items, newest, fallback, settings, requestIds, ServingExperiments.NONE);
    }
}
