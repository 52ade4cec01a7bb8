package io.tandem.application.registry.port.out;

import io.tandem.domain.model.ModelStageChanged;

/**
 * Tells every serving instance that a model version changed stage, so each reloads its champion at once. The
 * registry stays the source of truth: a change that could not be published is still in force, and instances find
 * it at their next registry poll.
 */
@FunctionalInterface
public interface PublishModelChangesPort {

    /**
     * Returns once the change is published, within a bounded time.
     *
     * @throws ModelChangeNotPublishedException when it could not be published
     */
    void publish(ModelStageChanged change);
}
