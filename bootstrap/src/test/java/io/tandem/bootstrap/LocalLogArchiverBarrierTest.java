package io.tandem.bootstrap;

import io.tandem.application.ingestion.ArchiveEventsService;
import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded archiver's side of a train job's barrier (ADR-0021): one forced flush puts every event handed over
 * before the barrier into the lake, with no timer; a lake that refuses writes leaves the barrier unreached when the
 * time is up, saying how far it got; once the lake is back, the archiver reads the log again and reaches it.
 */
class LocalLogArchiverBarrierTest {

    /** Far larger than any test's events: only a flush writes them. */
    private static final long CHUNK = 1_000;

    private final List<Event> log = new ArrayList<>();
    private final List<String> lake = new CopyOnWriteArrayList<>();
    private volatile boolean lakeDown;
    private LocalLogArchiver archiver;

    @TempDir
    Path state;

    @AfterEach
    void close() throws InterruptedException {
        if (archiver != null) {
            archiver.close();
        }
    }

    @Test
    void oneForcedFlushPutsEveryEventBeforeTheBarrierInTheLake() {
        archiver = archiver();
        append(0, 250);
        append(250, 50);

        EventLogPosition archived = archiver.flushUpTo(EventLogPosition.single(300), Duration.ofSeconds(10));

        assertThat(archived.covers(EventLogPosition.single(300))).isTrue();
        assertThat(lake).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void aLakeThatRefusesWritesLeavesTheBarrierUnreachedAndTheArchiverReachesItOnceTheLakeIsBack() {
        archiver = archiver();
        lakeDown = true;
        append(0, 120);

        long started = System.nanoTime();
        EventLogPosition stuck = archiver.flushUpTo(EventLogPosition.single(120), Duration.ofMillis(700));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(stuck.covers(EventLogPosition.single(120))).isFalse();
        assertThat(stuck.next(0)).isZero();
        assertThat(lake).isEmpty();

        lakeDown = false;
        EventLogPosition reached = archiver.flushUpTo(EventLogPosition.single(120), Duration.ofSeconds(10));

        assertThat(reached.covers(EventLogPosition.single(120))).isTrue();
        assertThat(lake).hasSize(120).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyLogIsCoveredAtOnce() {
        archiver = archiver();

        assertThat(archiver.flushUpTo(EventLogPosition.single(0), Duration.ofSeconds(1)).next(0)).isZero();
        assertThat(lake).isEmpty();
    }

    private LocalLogArchiver archiver() {
        LocalLogArchiver created = new LocalLogArchiver(new ArchiveEventsService((batchId, events) -> {
            if (lakeDown) {
                throw new IllegalStateException("the lake refuses writes");
            }
            // A chunk is re-written whole: the lake holds each batch's latest content.
            lake.removeIf(id -> id.startsWith(batchId + "/"));
            events.forEach(event -> lake.add(batchId + "/" + event.id().value()));
        }, CHUNK), state.toString());
        created.attach((from, size, batches) -> {
            List<Event> all = List.copyOf(log);
            for (long first = from; first < all.size(); first += size) {
                batches.accept(first, all.subList((int) first, (int) Math.min(all.size(), first + size)));
            }
        });
        return created;
    }

    private void append(int from, int count) {
        List<Event> events = IntStream.range(from, from + count).mapToObj(LocalLogArchiverBarrierTest::event).toList();
        long first = log.size();
        log.addAll(events);
        archiver.onAppend(first, events);
    }

    private static Event event(int i) {
        return anEvent("e" + i).type(EventType.CLICK).user("u" + i % 7).item("i" + i % 13).at("2026-11-21T09:00:00Z")
                .build();
    }
}
