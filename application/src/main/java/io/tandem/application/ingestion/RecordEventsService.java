package io.tandem.application.ingestion;

import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.ingestion.port.out.AppendEventsPort;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventValidation;
import io.tandem.domain.interaction.RejectedEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validate each event completely, keep the good ones, drop repeats, append durably, then report. Everything that
 * can refuse an event happens before the append (ADR-0019): a valid {@link Event} is applicable by every consumer of
 * the log, so nothing is appended that a consumer would have to refuse.
 */
public final class RecordEventsService implements RecordEventsUseCase {

    private final ClaimEventIdsPort claimEventIds;
    private final AppendEventsPort appendEvents;
    private final TimeWindow window;
    private final Clock clock;

    public RecordEventsService(ClaimEventIdsPort claimEventIds, AppendEventsPort appendEvents, TimeWindow window,
                               Clock clock) {
        this.claimEventIds = Objects.requireNonNull(claimEventIds, "claimEventIds");
        this.appendEvents = Objects.requireNonNull(appendEvents, "appendEvents");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IngestionReport record(RecordEventsCommand command) {
        Instant receivedAt = clock.instant();
        List<RejectedEvent> rejected = new ArrayList<>();
        Map<EventId, Event> unique = new LinkedHashMap<>();
        int duplicates = 0;
        List<EventSubmission> submissions = command.submissions();
        for (int index = 0; index < submissions.size(); index++) {
            EventValidation validation = submissions.get(index).validate(window, receivedAt);
            if (validation instanceof EventValidation.Valid valid) {
                if (unique.putIfAbsent(valid.event().id(), valid.event()) != null) {
                    duplicates++;
                }
            } else if (validation instanceof EventValidation.Invalid invalid) {
                rejected.add(new RejectedEvent(index, invalid.field(), invalid.message()));
            }
        }
        if (unique.isEmpty()) {
            return new IngestionReport(0, duplicates, rejected);
        }
        Set<EventId> claimed = new HashSet<>(claimEventIds.claim(unique.keySet()));
        List<Event> fresh = unique.values().stream().filter(event -> claimed.contains(event.id())).toList();
        duplicates += unique.size() - fresh.size();
        if (!fresh.isEmpty()) {
            try {
                appendEvents.append(fresh);
            } catch (RuntimeException e) {
                // Nothing was kept, so a retry must not be taken for a duplicate (ADR-0012).
                try {
                    claimEventIds.release(claimed);
                } catch (RuntimeException releaseFailure) {
                    e.addSuppressed(releaseFailure);
                }
                throw e;
            }
        }
        return new IngestionReport(fresh.size(), duplicates, rejected);
    }
}
