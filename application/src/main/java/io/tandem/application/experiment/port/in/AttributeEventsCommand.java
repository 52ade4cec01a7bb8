package io.tandem.application.experiment.port.in;

import io.tandem.domain.interaction.Event;

import java.util.List;
import java.util.Objects;

/** Events read from the event log, in log order, whose follow-ups are attributed to the requests they quote. */
public record AttributeEventsCommand(List<Event> events) {

    public AttributeEventsCommand {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
