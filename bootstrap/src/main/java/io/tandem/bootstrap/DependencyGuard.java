package io.tandem.bootstrap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One dependency on the request path behind a timeout and a circuit breaker (resilience4j): a call that fails or
 * takes longer than the timeout counts as a failure, and once half of the calls of the last 10 seconds (20 at
 * least) failed the circuit opens and calls fail at once, without waiting, until a trial call succeeds again. Failures surface as
 * {@link DependencyUnavailableException} naming the dependency, which the core turns into a fallback answer.
 */
final class DependencyGuard {

    /** The circuit looks at the calls of the last this many seconds... */
    static final int WINDOW_SECONDS = 10;
    /** ...once there are at least this many of them. */
    static final int MINIMUM_CALLS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(DependencyGuard.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String name;
    private final Duration timeout;
    private final ExecutorService executor;
    private final CircuitBreaker breaker;
    private volatile long lastLogged;

    /** @param executor runs calls that need a timeout; null runs them on the caller's thread (in-process work) */
    DependencyGuard(String name, Duration timeout, Duration openFor, ExecutorService executor) {
        this.name = name;
        this.timeout = timeout;
        this.executor = executor;
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                // A time window, not a count: at a thousand calls a second a window of 20 calls is 20 ms, and one
                // stall (a pause of the collector, a busy core) would fail all of it and open the circuit.
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(WINDOW_SECONDS)
                .minimumNumberOfCalls(MINIMUM_CALLS)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .slowCallDurationThreshold(timeout)
                .recordExceptions(Throwable.class)
                .build());
    }

    <T> T call(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            throw new DependencyUnavailableException(name + ": circuit open after repeated failures");
        }
        long started = System.nanoTime();
        try {
            T value = executor == null ? call.get() : bounded(call);
            long took = System.nanoTime() - started;
            if (executor == null && took > timeout.toNanos()) {
                // In-process work cannot be abandoned; a slow call still counts against the circuit.
                breaker.onError(took, TimeUnit.NANOSECONDS, new TimeoutException("slow"));
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
            return value;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            throw e instanceof DependencyUnavailableException ? e
                    : new DependencyUnavailableException(name + ": " + describe(e), e);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private <T> T bounded(Supplier<T> call) {
        Future<T> future = executor.submit(call::get);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DependencyUnavailableException(name + ": no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException(name + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DependencyUnavailableException(name + ": " + describe(cause), cause);
        }
    }

    /**
     * The failure as a response may name it: a fixed word, never the exception's own text, which can hold class
     * names, hosts and paths (ADR-0019). The failure goes to the log in one line, at most once every ten seconds per
     * dependency, so an outage does not flood it; its stack trace only at DEBUG (a timeout under load is an
     * expected event, not a bug to trace).
     */
    private String describe(Throwable e) {
        long now = System.nanoTime();
        long last = lastLogged;
        if (now - last > LOG_EVERY_NANOS || last == 0) {
            lastLogged = now;
            LOG.warn("{} failed ({}: {}); serving falls back (further failures in the next 10 s are not logged)",
                    name, e.getClass().getSimpleName(), e.getMessage());
            LOG.debug("{} failed", name, e);
        }
        return "failed";
    }

    /** The dependency failed, timed out or its circuit is open. */
    static final class DependencyUnavailableException extends RuntimeException {

        DependencyUnavailableException(String message) {
            super(message);
        }

        DependencyUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
