package io.tandem.adapters.in.kafka;

import io.tandem.application.ingestion.ArchiveEventsService;
import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

class LakeArchiverTest {

    private final Map<String, List<Event>> files = new HashMap<>();
    private final LakeArchiver archiver = new LakeArchiver(new ArchiveEventsService(files::put, 10));

    @Test
    void commitsOnlyTheOpenChunkStartAndNothingMoreAfterAFlush() {
        assertThat(archiver.handle(0, events(0, 0, 25), 25)).hasValue(20);

        archiver.flush();
        assertThat(files).containsOnlyKeys("p0-c0", "p0-c1", "p0-c2");
        // A batch of dead letters only: the open chunk, and so the limit, did not change.
        assertThat(archiver.handle(0, List.of(), 30)).isEmpty();
    }

    @Test
    void batchesOfDeadLettersOnlyMayBeCommittedPastWhileNoChunkIsOpen() {
        assertThat(archiver.handle(1, List.of(), 7)).hasValue(7);

        // The chunk start is below 7 now; the consumer keeps 7, since its commits only move forward.
        assertThat(archiver.handle(1, events(1, 7, 9), 9)).hasValue(0);
        assertThat(archiver.handle(1, events(1, 9, 12), 12)).hasValue(10);
        assertThat(files.get("p1-c0")).extracting(event -> event.id().value()).containsExactly("p1-7", "p1-8", "p1-9");
    }

    @Test
    void releaseGivesTheOpenChunkStartAndForgetsThePartition() {
        archiver.handle(2, events(2, 0, 14), 14);

        assertThat(archiver.release(2)).hasValue(10);
        assertThat(archiver.release(2)).isEmpty();
        assertThat(archiver.handle(2, List.of(), 20)).hasValue(20);
    }

    private static List<LoggedEvent> events(int partition, int from, int to) {
        List<LoggedEvent> events = new ArrayList<>();
        for (int offset = from; offset < to; offset++) {
            events.add(new LoggedEvent(partition, offset, anEvent("p" + partition + "-" + offset)
                    .type(EventType.CLICK).user("u1").item("i1").at("2025-03-01T10:00:00Z").build()));
        }
        return events;
    }
}
