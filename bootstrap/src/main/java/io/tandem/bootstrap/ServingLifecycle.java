package io.tandem.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.domain.InvalidFieldException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * Keeps serving current without a restart: asks the registry every {@code tandem.serving.model-poll-interval}
 * whether the champion changed (a promotion, a rollback or a training run on any instance) and swaps it in, and
 * rebuilds the fallback's snapshot every {@code tandem.fallback.refresh-interval}. Failures are logged and
 * retried at the next tick; serving goes on with what it has.
 *
 * <p>Unless set, the poll interval is 1 s on the embedded adapters, where polling is how other processes' changes
 * arrive, and 30 s with the Kafka event log, where {@link KafkaModelNotifications} delivers each change within
 * moments and polling only catches one whose notification was lost (ADR-0017).
 */
@Context
final class ServingLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ServingLifecycle.class);
    private static final String MODEL_POLL_INTERVAL = "tandem.serving.model-poll-interval";
    private static final Duration EMBEDDED_MODEL_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration KAFKA_MODEL_POLL_INTERVAL = Duration.ofSeconds(30);

    private final ServingModels models;
    private final RuleBasedFallbackAdapter fallback;
    private final ScheduledFuture<?> polling;
    private volatile Optional<String> lastProblem = Optional.empty();

    ServingLifecycle(ServingModels models, RuleBasedFallbackAdapter fallback, Environment environment,
                     AdapterSelection adapters, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.models = models;
        this.fallback = fallback;
        Duration interval = modelPollInterval(environment, adapters);
        LOG.debug("asking the registry for the champion every {}", interval);
        this.polling = scheduler.scheduleWithFixedDelay(Duration.ZERO, interval, this::pollChampion);
    }

    /** The configured interval, or the default for the event log chosen. */
    static Duration modelPollInterval(Environment environment, AdapterSelection adapters) {
        Duration interval = environment.getProperty(MODEL_POLL_INTERVAL, Duration.class)
                .orElse("kafka".equals(adapters.chosen(AdapterChoice.EVENT_LOG)) ? KAFKA_MODEL_POLL_INTERVAL
                        : EMBEDDED_MODEL_POLL_INTERVAL);
        if (interval.isNegative() || interval.isZero()) {
            throw new InvalidFieldException(MODEL_POLL_INTERVAL, "must be positive, was " + interval);
        }
        return interval;
    }

    @PreDestroy
    void stopPolling() {
        polling.cancel(false);
    }

    void pollChampion() {
        try {
            ServingModelStatus before = models.status();
            ServingModelStatus after = models.refresh();
            if (!after.serving().equals(before.serving())) {
                LOG.info("serving {}", after.serving().map(m -> m.name() + " " + m.version())
                        .orElse("no model (the fallback answers)"));
            }
            if (after.problem().isPresent() && !after.problem().equals(lastProblem)) {
                LOG.warn("{}; still serving {}", after.problem().get(),
                        after.serving().map(m -> m.version()).orElse("the fallback"));
            }
            lastProblem = after.problem();
        } catch (RuntimeException e) {
            LOG.warn("could not check the model registry: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelay = "${tandem.fallback.refresh-interval:10s}", initialDelay = "0s")
    void refreshFallback() {
        if (!fallback.refresh()) {
            LOG.debug("fallback snapshot not refreshed; the previous one stays");
        }
    }
}
