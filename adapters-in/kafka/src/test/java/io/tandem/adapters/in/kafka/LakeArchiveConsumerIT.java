package io.tandem.adapters.in.kafka;

import io.tandem.application.ingestion.ArchiveEventsService;
import io.tandem.application.ingestion.port.in.ArchiveEventsUseCase;
import io.tandem.application.ingestion.port.in.LoggedEvent;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.interaction.Event;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.tandem.adapters.in.kafka.EventTopicFixture.clicks;
import static io.tandem.adapters.in.kafka.EventTopicFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The lake-archiver consumer against the real broker, with the real archive service and a lake fake. */
class LakeArchiveConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int CHUNK = 50;

    /** The lake with the port's semantics: a file per (date, batch id); writing the same name replaces it. */
    private final Map<String, List<Event>> files = new ConcurrentHashMap<>();
    private final WriteLakePort lake = (batchId, events) -> events.stream()
            .collect(Collectors.groupingBy(e -> e.time().atOffset(ZoneOffset.UTC).toLocalDate()))
            .forEach((date, dayEvents) -> files.put("date=" + date + "/part-" + batchId, List.copyOf(dayEvents)));
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void closingMidStreamAndRestartingArchivesEveryEventExactlyOnceAndRereadsOnlyTheOpenChunks() {
        EventTopicFixture log = fixture("lake-close");
        String group = "lake-close";
        List<String[]> phaseOne = new ArrayList<>(clicks(0, 230));
        for (int i = 0; i < 5; i++) {
            // Dead letters amid the events (after every user's first click, so no partition starts with one):
            // they must neither reach the lake nor hold it up.
            phaseOne.add(40 * i + 30, new String[] {"bad", "{\"id\":\"bad" + i + "\",\"type\":\"teleport\"}"});
        }
        Set<String> deadLettered = new HashSet<>();
        List<RecordMetadata> sent = log.sendAll(phaseOne);
        for (int i = 0; i < phaseOne.size(); i++) {
            if (phaseOne.get(i)[0].equals("bad")) {
                deadLettered.add(sent.get(i).partition() + "@" + sent.get(i).offset());
            }
        }
        // Slow writes, as to S3, so the close below lands mid-stream.
        WriteLakePort slowLake = (batchId, events) -> {
            pause(Duration.ofMillis(25));
            lake.write(batchId, events);
        };
        Recording firstRun = new Recording(new ArchiveEventsService(slowLake, CHUNK));
        KafkaEventLogConsumer first = start(log, group, firstRun);

        eventually(WAIT, "phase one in the lake after the idle flush", () -> archived().size() == 230);
        // The flush wrote the open chunks but moved no resume offset: each partition stays at its open chunk's start.
        eventually(WAIT, "commits at the open chunks' starts",
                () -> log.committed(group).equals(openChunkStarts(firstRun, log)));
        // Beside them, the flush recorded how far the lake holds each partition: the end of the log, which another
        // instance's train job reads as its barrier for the partitions it does not own (ADR-0021).
        eventually(WAIT, "durable positions at the log's end", () -> log.durable(group).equals(log.endOffsets()));

        log.sendAll(clicks(230, 930));
        eventually(WAIT, "part of phase two in the lake", () -> archived().size() >= 450);
        first.close();

        assertThat(firstRun.handed.get()).as("the first run stopped mid-stream").isLessThan(930);
        Map<Integer, Long> committedAtClose = log.committed(group);
        for (int p = 0; p < log.partitions; p++) {
            // Closing committed up to each open chunk's start: a restart re-reads less than one chunk.
            long lastHanded = firstRun.last.getOrDefault(p, -1L);
            assertThat(lastHanded + 1 - committedAtClose.get(p)).as("partition %d", p).isBetween(0L, CHUNK - 1L);
        }

        Recording secondRun = new Recording(new ArchiveEventsService(lake, CHUNK));
        start(log, group, secondRun);

        eventually(WAIT, "every event in the lake", () -> archived().size() == 930);
        assertExactlyOnce(930);
        for (int p = 0; p < log.partitions; p++) {
            if (secondRun.first.containsKey(p)) {
                long firstValid = committedAtClose.get(p);
                while (deadLettered.contains(p + "@" + firstValid)) {
                    firstValid++;
                }
                assertThat(secondRun.first.get(p)).as("partition %d resumes at its commit", p).isEqualTo(firstValid);
            }
        }
    }

    @Test
    void aCrashMidStreamLosesNothingAndWritesNothingTwice() {
        EventTopicFixture log = fixture("lake-crash");
        String group = "lake-crash";
        log.sendAll(clicks(0, 600));
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        // The archiver process dies after its fifth write: from then on nothing it does reaches the lake.
        WriteLakePort dyingLake = (batchId, events) -> {
            if (writes.incrementAndGet() > 5) {
                refused.incrementAndGet();
                throw new IllegalStateException("the archiver process died");
            }
            lake.write(batchId, events);
        };
        KafkaEventLogConsumer first = start(log, group, new ArchiveEventsService(dyingLake, CHUNK));
        eventually(WAIT, "the first archiver died", () -> refused.get() >= 2);
        Map<Integer, Long> committedAtCrash = log.committed(group);
        first.close();

        assertThat(archived().size()).as("the crash came mid-stream").isLessThan(600);
        assertThat(log.committed(group)).as("a dead archiver commits nothing more").isEqualTo(committedAtCrash);

        start(log, group, new ArchiveEventsService(lake, CHUNK));

        eventually(WAIT, "every event in the lake", () -> archived().size() == 600);
        assertExactlyOnce(600);
    }

    private void assertExactlyOnce(int count) {
        List<String> ids = archived().stream().map(event -> event.id().value()).toList();
        assertThat(ids).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).mapToObj(i -> "e" + i).toList());
    }

    /** Each partition's open chunk start, from the offsets the archiver was given. */
    private static Map<Integer, Long> openChunkStarts(Recording run, EventTopicFixture log) {
        Map<Integer, Long> starts = new ConcurrentHashMap<>();
        for (int p = 0; p < log.partitions; p++) {
            Long last = run.last.get(p);
            starts.put(p, last == null ? 0L : last / CHUNK * CHUNK);
        }
        return starts;
    }

    private List<Event> archived() {
        return files.values().stream().flatMap(List::stream).toList();
    }

    private EventTopicFixture fixture(String purpose) {
        EventTopicFixture fixture = new EventTopicFixture(purpose, 3);
        toClose.add(fixture);
        return fixture;
    }

    private KafkaEventLogConsumer start(EventTopicFixture log, String group, ArchiveEventsUseCase archive) {
        // Small polls: many batches per chunk, so chunks are built across polls as in production.
        KafkaEventLogConsumer consumer = new KafkaEventLogConsumer(
                log.settings(group, Map.of("consumer.max.poll.records", "40")), new LakeArchiver(archive),
                TimeWindow.DEFAULT, () -> { });
        toClose.add(consumer);
        consumer.start();
        return consumer;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real archive service, noting which offsets it was given per partition. */
    private static final class Recording implements ArchiveEventsUseCase {

        final ArchiveEventsUseCase archive;
        final Map<Integer, Long> first = new ConcurrentHashMap<>();
        final Map<Integer, Long> last = new ConcurrentHashMap<>();
        final AtomicInteger handed = new AtomicInteger();

        Recording(ArchiveEventsUseCase archive) {
            this.archive = archive;
        }

        @Override
        public long archive(int partition, List<LoggedEvent> records) {
            if (!records.isEmpty()) {
                first.putIfAbsent(partition, records.get(0).offset());
                last.merge(partition, records.get(records.size() - 1).offset(), Math::max);
                handed.addAndGet(records.size());
            }
            return archive.archive(partition, records);
        }

        @Override
        public void flushOpenChunks() {
            archive.flushOpenChunks();
        }

        @Override
        public OptionalLong release(int partition) {
            return archive.release(partition);
        }
    }
}
