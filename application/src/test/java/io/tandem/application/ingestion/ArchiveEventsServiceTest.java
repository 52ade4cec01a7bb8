package io.tandem.application.ingestion;

import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

class ArchiveEventsServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-20T22:00:00Z");

    /** A lake with the port's semantics: a file per (date, batch id); writing the same name replaces it. */
    private final Map<String, List<Event>> files = new HashMap<>();
    private final WriteLakePort lake = (batchId, events) -> events.stream()
            .collect(Collectors.groupingBy(e -> e.time().atOffset(ZoneOffset.UTC).toLocalDate()))
            .forEach((date, dayEvents) -> files.put("date=" + date + "/part-" + batchId, List.copyOf(dayEvents)));

    @Test
    void completeChunksAreWrittenAndTheCommittableOffsetIsTheOpenChunkStart() {
        ArchiveEventsService archiver = new ArchiveEventsService(lake, 10);

        long committable = archiver.archive(0, log(0, 25));

        assertThat(committable).isEqualTo(20);
        assertThat(files.keySet()).allMatch(name -> name.endsWith("part-p0-c0") || name.endsWith("part-p0-c1"));
        assertThat(archived()).hasSize(20);

        archiver.flushOpenChunks();
        assertThat(archived()).hasSize(25);
    }

    @RepeatedTest(20)
    void crashesAtAnyMomentLoseNothingAndWriteNothingTwice() {
        Random random = new Random();
        List<LoggedEvent> log = log(0, 500);
        int chunkSize = 1 + random.nextInt(60);
        long committed = 0;
        for (int run = 0; run < 6; run++) {
            // A fresh archiver: whatever the previous one held in memory is gone, as after a crash.
            ArchiveEventsService archiver = new ArchiveEventsService(lake, chunkSize);
            int position = (int) committed;
            int stopAt = run == 5 ? log.size() : position + random.nextInt(log.size() - position + 1);
            while (position < stopAt) {
                int poll = Math.min(stopAt - position, 1 + random.nextInt(40));
                committed = archiver.archive(0, log.subList(position, position + poll));
                position += poll;
                if (random.nextInt(4) == 0) {
                    archiver.flushOpenChunks();
                }
            }
            if (run == 5) {
                archiver.flushOpenChunks();
            }
        }

        List<String> ids = archived().stream().map(e -> e.id().value()).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(500);
    }

    @Test
    void partitionsAreArchivedIndependently() {
        ArchiveEventsService archiver = new ArchiveEventsService(lake, 5);

        archiver.archive(0, log(0, 7));
        archiver.archive(1, log(1, 3));
        archiver.flushOpenChunks();

        assertThat(archived()).hasSize(10);
        assertThat(archiver.release(1)).hasValue(0);
        assertThat(archiver.release(1)).isEmpty();
    }

    private List<Event> archived() {
        return files.values().stream().flatMap(List::stream).toList();
    }

    /** {@code count} events of one partition at offsets 0.., spread over two dates. */
    private static List<LoggedEvent> log(int partition, int count) {
        List<LoggedEvent> records = new ArrayList<>();
        for (int offset = 0; offset < count; offset++) {
            Event event = anEvent("p" + partition + "-e" + offset).type(EventType.CLICK).user("u" + offset % 7)
                    .item("i" + offset % 11).at(T0.plus(Duration.ofMinutes(offset))).build();
            records.add(new LoggedEvent(partition, offset, event));
        }
        return records;
    }
}
