package io.tandem.adapters.in.synthetic;

import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventSubmission;

/** Turns generated events back into raw submissions, so the demo feeds them through the real ingest path. */
public final class SyntheticSubmissions {

    private SyntheticSubmissions() {
    }

    public static EventSubmission of(Event event) {
        return new EventSubmission.Fields(
                event.id().value(),
                event.type().wireName(),
                event.user().value(),
                event.item().value(),
                event.time().toString(),
                event.value().isPresent() ? Double.toString(event.value().getAsDouble()) : null,
                event.context().surface().orElse(null),
                event.context().requestId().orElse(null),
                event.context().position().isPresent()
                        ? Integer.toString(event.context().position().getAsInt()) : null);
    }
}
