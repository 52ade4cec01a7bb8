package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Notes when each request arrived, on the event loop and before any other filter, so that a serving route can tell
 * whether and for how long its request waited behind busy workers of the {@value #SERVING_EXECUTOR} executor: one
 * that waited longer than {@code tandem.serving.max-queue-wait} is answered by the rules at once (ADR-0039).
 * <p>
 * A request waited behind busy workers when the worker that runs it finished another request after it arrived: an
 * idle worker would have taken it at once. A request that only stalled with the whole process (a collector pause
 * between its arrival and its start, the workers idle) did not, and runs the model as usual.
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
    /** Per worker: when it last finished a serving request ({@link System#nanoTime()}), and whether it ever did. */
    private static final ThreadLocal<long[]> LAST_FINISHED = ThreadLocal.withInitial(() -> new long[2]);

    @RequestFilter
    void arrived(HttpRequest<?> request) {
        request.setAttribute(ARRIVED, System.nanoTime());
    }

    /**
     * Runs a serving route's work on the calling worker: {@code work} gets since when {@code request} waited behind
     * busy workers (empty when it did not, or its arrival is unknown), and the worker notes when it finished.
     */
    static <T> T serve(HttpRequest<?> request, Function<OptionalLong, T> work) {
        long[] last = LAST_FINISHED.get();
        OptionalLong arrived = request.getAttribute(ARRIVED, Long.class)
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
        boolean queued = arrived.isPresent() && last[1] == 1 && last[0] - arrived.getAsLong() > 0;
        try {
            return work.apply(queued ? arrived : OptionalLong.empty());
        } finally {
            last[0] = System.nanoTime();
            last[1] = 1;
        }
    }
}
