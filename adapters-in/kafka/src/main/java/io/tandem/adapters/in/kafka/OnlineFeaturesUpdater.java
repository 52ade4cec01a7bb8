package io.tandem.adapters.in.kafka;

import io.tandem.application.feature.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.domain.interaction.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Folds the event log into the online feature store. Each batch is committed as soon as the store took it: the
 * store applies every event id once, so what a crash or an outage makes the consumer read again does no harm.
 */
public final class OnlineFeaturesUpdater implements EventLogHandler {

    /** The consumer group of this purpose, unless configured otherwise. */
    public static final String DEFAULT_GROUP_ID = "tandem.online-features";

    private final UpdateOnlineFeaturesUseCase updateOnlineFeatures;

    public OnlineFeaturesUpdater(UpdateOnlineFeaturesUseCase updateOnlineFeatures) {
        this.updateOnlineFeatures = Objects.requireNonNull(updateOnlineFeatures, "updateOnlineFeatures");
    }

    @Override
    public OptionalLong handle(int partition, List<LoggedEvent> events, long nextOffset) {
        if (!events.isEmpty()) {
            List<Event> batch = new ArrayList<>(events.size());
            for (LoggedEvent logged : events) {
                batch.add(logged.event());
            }
            updateOnlineFeatures.update(new UpdateOnlineFeaturesCommand(batch));
        }
        return OptionalLong.of(nextOffset);
    }

    @Override
    public void flush() {
        // Every batch is written through before handle returns; nothing is held back.
    }

    @Override
    public OptionalLong release(int partition) {
        // Everything handled is committed already.
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return "online features";
    }
}
