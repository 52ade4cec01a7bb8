package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.OptionalLong;

/**
 * Notes when each request arrived, on the event loop and before any other filter, so that the serving routes can
 * tell how long a request then waited for one of the {@value #SERVING_EXECUTOR} executor's workers: one that waited
 * longer than {@code tandem.serving.max-queue-wait} is answered by the rules at once (ADR-0039).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ArrivalFilter {

    /**
     * The executor the serving routes run on ({@code micronaut.executors.serving}): a fixed pool, two workers per
     * core by default, so that requests beyond what the cores can rank wait in its queue instead of sharing the cores
     * among dozens of threads, and a long wait is seen and shed.
     */
    static final String SERVING_EXECUTOR = "serving";

    private static final String ARRIVED = "tandem.arrived-nanos";

    @RequestFilter
    void arrived(HttpRequest<?> request) {
        request.setAttribute(ARRIVED, System.nanoTime());
    }

    /** When {@code request} arrived ({@link System#nanoTime()}), when this filter saw it. */
    static OptionalLong arrivalOf(HttpRequest<?> request) {
        return request.getAttribute(ARRIVED, Long.class).map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
