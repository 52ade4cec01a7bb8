package io.tandem.application.feature.port.in;

import io.tandem.domain.interaction.Event;

import java.util.List;
import java.util.Objects;

/** Events read from the event log, in log order, to fold into the online features. */
public record UpdateOnlineFeaturesCommand(List<Event> events) {

    public UpdateOnlineFeaturesCommand {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
