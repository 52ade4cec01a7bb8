package io.tandem.adapters.in.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns this instance's own counters into time series for the overview: every {@link #INTERVAL_SECONDS} seconds
 * it reads the meters (events applied per type, answers served, fallbacks by reason, the recommendation route's
 * latency percentiles, events written to the lake) and keeps the last {@link #CAPACITY} samples in a ring.
 * Rates are differences between two readings, so nothing is added to the request path.
 */
@Singleton
final class MetricsSampler {

    static final int INTERVAL_SECONDS = 2;
    static final int CAPACITY = 300;

    /** Counter and timer names the application records (bootstrap and the HTTP adapter register them). */
    static final String EVENTS_APPLIED = "tandem.events.applied";
    static final String LAKE_EVENTS = "tandem.lake.events.written";
    static final String RECOMMENDATIONS = "tandem.recommendations";
    static final String FALLBACKS = "tandem.fallbacks";
    static final String HTTP_REQUESTS = "http.server.requests";
    static final String RECOMMENDATION_ROUTE = "/v1/users/{id}/recommendations";

    /** One reading: rates per second over the interval before it, and the latency at that moment. */
    record Sample(Instant at, Map<String, Double> eventsPerSecond, double servedPerSecond,
                  Map<String, Double> fallbacksPerSecond, double p50Millis, double p99Millis) {
    }

    /** Totals since the instance started. */
    record Totals(Map<String, Double> eventsByType, double served, Map<String, Double> fallbacksByReason,
                  double lakeEvents) {
    }

    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private Totals previous;
    private Instant previousAt;

    MetricsSampler(MeterRegistry registry) {
        this.registry = registry;
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "1s")
    void sample() {
        Instant now = clock.instant();
        Totals totals = totals();
        double[] latency = latencyMillis();
        synchronized (this) {
            if (previous != null) {
                double seconds = Math.max(1e-3, (now.toEpochMilli() - previousAt.toEpochMilli()) / 1000.0);
                Sample sample = new Sample(now, rates(previous.eventsByType(), totals.eventsByType(), seconds),
                        Math.max(0, totals.served() - previous.served()) / seconds,
                        rates(previous.fallbacksByReason(), totals.fallbacksByReason(), seconds),
                        latency[0], latency[1]);
                samples.addLast(sample);
                while (samples.size() > CAPACITY) {
                    samples.removeFirst();
                }
            }
            previous = totals;
            previousAt = now;
        }
    }

    synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** The counters as they stand now. */
    Totals totals() {
        Map<String, Double> events = new TreeMap<>();
        for (Counter counter : registry.find(EVENTS_APPLIED).counters()) {
            events.merge(tagOr(counter.getId().getTag("type")), counter.count(), Double::sum);
        }
        double served = 0;
        for (Counter counter : registry.find(RECOMMENDATIONS).counters()) {
            served += counter.count();
        }
        Map<String, Double> fallbacks = new TreeMap<>();
        for (Counter counter : registry.find(FALLBACKS).counters()) {
            fallbacks.merge(tagOr(counter.getId().getTag("reason")), counter.count(), Double::sum);
        }
        double lake = 0;
        for (Counter counter : registry.find(LAKE_EVENTS).counters()) {
            lake += counter.count();
        }
        return new Totals(events, served, fallbacks, lake);
    }

    /** p50 and p99 of the recommendation route's successful answers, in milliseconds; NaN before any. */
    double[] latencyMillis() {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (Timer timer : registry.find(HTTP_REQUESTS).tag("uri", RECOMMENDATION_ROUTE).tag("status", "200")
                .timers()) {
            if (timer.count() == 0) {
                continue;
            }
            for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                if (Math.abs(value.percentile() - 0.5) < 1e-9) {
                    p50 = max(p50, value.value(TimeUnit.MILLISECONDS));
                } else if (Math.abs(value.percentile() - 0.99) < 1e-9) {
                    p99 = max(p99, value.value(TimeUnit.MILLISECONDS));
                }
            }
        }
        return new double[] {p50, p99};
    }

    private static double max(double current, double value) {
        return Double.isNaN(current) ? value : Math.max(current, value);
    }

    private static Map<String, Double> rates(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> rates = new TreeMap<>();
        after.forEach((key, count) -> rates.put(key, Math.max(0, count - before.getOrDefault(key, 0.0)) / seconds));
        return rates;
    }

    private static String tagOr(String tag) {
        return tag == null ? "unknown" : tag;
    }
}
