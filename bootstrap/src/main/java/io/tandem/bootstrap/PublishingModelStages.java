package io.tandem.bootstrap;

import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.PublishModelChangesPort;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelStageChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's stage changes, each champion change then published to every serving instance (ADR-0017),
 * whichever path made it: a promotion or a rollback over HTTP, or a training run whose version won. The registry is
 * the source of truth: a change that could not be published is logged and counted, never undone or failed, and the
 * other instances find it at their next registry poll.
 */
final class PublishingModelStages implements ChangeModelStagesPort {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingModelStages.class);

    private final ChangeModelStagesPort registry;
    private final PublishModelChangesPort publish;
    private final Clock clock;
    private final Runnable publishFailed;

    /**
     * @param publishFailed runs after each publication that failed (a metric counts them)
     */
    PublishingModelStages(ChangeModelStagesPort registry, PublishModelChangesPort publish, Clock clock,
                          Runnable publishFailed) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publishFailed = Objects.requireNonNull(publishFailed, "publishFailed");
    }

    @Override
    public ChampionChange promote(String name, String version) {
        return published(registry.promote(name, version));
    }

    @Override
    public ChampionChange promoteIfChampionIs(String name, String version, Optional<String> expectedChampion) {
        return published(registry.promoteIfChampionIs(name, version, expectedChampion));
    }

    @Override
    public ChampionChange rollbackTo(String name, String previousChampion, String expectedChampion) {
        return published(registry.rollbackTo(name, previousChampion, expectedChampion));
    }

    private ChampionChange published(ChampionChange change) {
        ModelStageChanged changed = ModelStageChanged.championOf(change, clock.instant());
        try {
            publish.publish(changed);
        } catch (RuntimeException e) {
            publishFailed.run();
            LOG.warn("{} {} is champion, but other instances were not told ({}); they find it at their next "
                    + "registry poll", changed.name(), changed.version(), e.getMessage());
        }
        return change;
    }
}
