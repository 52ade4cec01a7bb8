package io.tandem.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.port.in.ServingModelStatus;
import io.tandem.application.service.ServingModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Keeps serving current without a restart: asks the registry every {@code tandem.serving.model-poll-interval}
 * whether the champion changed (a promotion, a rollback or a training run on any instance) and swaps it in, and
 * rebuilds the fallback's snapshot every {@code tandem.fallback.refresh-interval}. Failures are logged and
 * retried at the next tick; serving goes on with what it has.
 */
@Context
final class ServingLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ServingLifecycle.class);

    private final ServingModels models;
    private final RuleBasedFallbackAdapter fallback;
    private volatile Optional<String> lastProblem = Optional.empty();

    ServingLifecycle(ServingModels models, RuleBasedFallbackAdapter fallback) {
        this.models = models;
        this.fallback = fallback;
    }

    @Scheduled(fixedDelay = "${tandem.serving.model-poll-interval:1s}", initialDelay = "0s")
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
