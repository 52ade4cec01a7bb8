package io.tandem.application.ingestion;

import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.TooManyEventsException;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventLogUnavailableException;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.RejectedEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordEventsServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final SetClaims claims = new SetClaims();
    private final List<Event> log = new ArrayList<>();
    private final RecordEventsService service = new RecordEventsService(claims, log::addAll, TimeWindow.DEFAULT,
            clock);

    @Test
    void goodEventsAreAppendedAndBadOnesReportedByIndex() {
        IngestionReport report = service.record(command(click("e1", "u1"), clickWithType("e2", "clik"),
                click("e3", "u2"), new EventSubmission.Unreadable("userId", "must be a string")));

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejected()).extracting(RejectedEvent::index, RejectedEvent::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "type"),
                        org.assertj.core.groups.Tuple.tuple(3, "userId"));
        assertThat(log).extracting(e -> e.id().value()).containsExactly("e1", "e3");
    }

    @Test
    void repeatsWithinABatchAndAcrossBatchesAreCountedOnce() {
        IngestionReport first = service.record(command(click("e1", "u1"), click("e1", "u1"), click("e2", "u1")));
        IngestionReport second = service.record(command(click("e2", "u1"), click("e3", "u1")));

        assertThat(first.accepted()).isEqualTo(2);
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(log).extracting(e -> e.id().value()).containsExactly("e1", "e2", "e3");
    }

    @Test
    void whenTheLogRefusesNothingIsAcceptedAndARetrySucceeds() {
        RecordEventsService failing = new RecordEventsService(claims, events -> {
            throw new EventLogUnavailableException("down", Duration.ofSeconds(5), null);
        }, TimeWindow.DEFAULT, clock);

        assertThatThrownBy(() -> failing.record(command(click("e1", "u1"))))
                .isInstanceOf(EventLogUnavailableException.class);
        assertThat(claims.claimed).isEmpty();

        IngestionReport retry = service.record(command(click("e1", "u1")));
        assertThat(retry.accepted()).isEqualTo(1);
        assertThat(retry.duplicates()).isZero();
    }

    @Test
    void whenReleasingTheClaimsFailsTooTheAppendFailureIsStillWhatTheCallerSees() {
        ClaimEventIdsPort stuck = new ClaimEventIdsPort() {
            @Override
            public Set<EventId> claim(Collection<EventId> ids) {
                return Set.copyOf(ids);
            }

            @Override
            public void release(Collection<EventId> ids) {
                throw new IllegalStateException("claims store gone");
            }
        };
        RecordEventsService failing = new RecordEventsService(stuck, events -> {
            throw new EventLogUnavailableException("down", Duration.ofSeconds(5), null);
        }, TimeWindow.DEFAULT, clock);

        assertThatThrownBy(() -> failing.record(command(click("e1", "u1"))))
                .isInstanceOf(EventLogUnavailableException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void eventsOutsideTheTimeWindowAreRefusedBeforeAnythingIsAppended() {
        IngestionReport report = service.record(command(
                at("far-past", "-300000-01-01T00:00:00Z"), at("before-1970", "1969-12-31T23:59:59Z"),
                at("tomorrow-and-more", "2026-11-22T10:00:01Z"), at("good", "2026-11-22T10:00:00Z")));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).extracting(RejectedEvent::field).containsExactly("time", "time", "time");
        assertThat(log).extracting(e -> e.id().value()).containsExactly("good");
        assertThat(claims.claimed).extracting(EventId::value).containsExactly("good");
    }

    @Test
    void aBatchWithOnlyBadEventsAppendsNothing() {
        IngestionReport report = service.record(command(clickWithType("e1", "nope")));

        assertThat(report.accepted()).isZero();
        assertThat(report.rejected()).hasSize(1);
        assertThat(log).isEmpty();
    }

    @Test
    void batchesAreLimitedToTenThousandEvents() {
        List<EventSubmission> many = Collections.nCopies(RecordEventsCommand.MAX_EVENTS + 1, click("e", "u"));

        assertThatThrownBy(() -> new RecordEventsCommand(many))
                .isInstanceOf(TooManyEventsException.class)
                .hasMessageContaining("10000");
    }

    private static RecordEventsCommand command(EventSubmission... submissions) {
        return new RecordEventsCommand(List.of(submissions));
    }

    private static EventSubmission click(String id, String user) {
        return new EventSubmission.Fields(id, "click", user, "i1", "2026-11-21T09:00:00Z", null, null, null, null);
    }

    private static EventSubmission at(String id, String time) {
        return new EventSubmission.Fields(id, "click", "u1", "i1", time, null, null, null, null);
    }

    private static EventSubmission clickWithType(String id, String type) {
        return new EventSubmission.Fields(id, type, "u1", "i1", "2026-11-21T09:00:00Z", null, null, null, null);
    }

    /** Claims in a plain set: enough for a single-threaded test. */
    private static final class SetClaims implements ClaimEventIdsPort {

        final Set<EventId> claimed = new LinkedHashSet<>();

        @Override
        public Set<EventId> claim(Collection<EventId> ids) {
            Set<EventId> won = new LinkedHashSet<>();
            for (EventId id : ids) {
                if (claimed.add(id)) {
                    won.add(id);
                }
            }
            return won;
        }

        @Override
        public void release(Collection<EventId> ids) {
            claimed.removeAll(ids);
        }
    }
}
