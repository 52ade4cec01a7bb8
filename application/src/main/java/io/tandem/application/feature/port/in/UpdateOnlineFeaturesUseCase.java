package io.tandem.application.feature.port.in;

/** Applies events from the event log to the online feature store; called by every event-log consumer. */
@FunctionalInterface
public interface UpdateOnlineFeaturesUseCase {

    void update(UpdateOnlineFeaturesCommand command);
}
