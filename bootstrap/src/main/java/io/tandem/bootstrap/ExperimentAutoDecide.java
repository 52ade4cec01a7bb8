package io.tandem.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.application.experiment.port.in.DecideAutoPromotedExperimentsUseCase;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic check of {@code tandem.experiments.auto-decide.*}: every {@code interval} (1 min), each running
 * experiment created with {@code autoPromote} is decided, and a winner that passes every gate is promoted without an
 * operator (ADR-0025). Off with {@code enabled: false}; manual decisions work either way. Each instance runs the
 * check; the decision is idempotent, so two instances deciding at once record and promote once.
 */
@Singleton
@Requires(property = ExperimentAutoDecide.ENABLED, value = "true", defaultValue = "true")
final class ExperimentAutoDecide {

    static final String ENABLED = "tandem.experiments.auto-decide.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentAutoDecide.class);

    private final DecideAutoPromotedExperimentsUseCase decide;

    ExperimentAutoDecide(DecideAutoPromotedExperimentsUseCase decide) {
        this.decide = decide;
    }

    @Scheduled(fixedDelay = "${tandem.experiments.auto-decide.interval:1m}",
            initialDelay = "${tandem.experiments.auto-decide.interval:1m}")
    void check() {
        for (ExperimentDecisions decided : decide.decideAutoPromoted()) {
            if (decided.decided()) {
                decided.decisions().forEach(d -> LOG.info("experiment {} decided {} {}: {}", d.experiment(),
                        d.version().name() + "/" + d.version().version(), d.outcome().wireName(), d.reason()));
            }
        }
    }
}
