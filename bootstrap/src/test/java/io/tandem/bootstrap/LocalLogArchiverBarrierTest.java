package io.tandem.bootstrap;

import io.tandem.application.ingestion.ArchiveEventsService;
import io.tandem.application.ingestion.port.out.FlushLakeContract;
import io.tandem.application.ingestion.port.out.FlushLakePort;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static io.tandem.application.ingestion.EventFixture.anEvent;

/**
 * The flush contract on the embedded archiver, the train job's barrier (ADR-0021): over an in-memory log and a lake
 * that keeps each batch's latest content, and whose chunk is larger than any test's events, so only a flush writes.
 */
class LocalLogArchiverBarrierTest extends FlushLakeContract {

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

    @Override
    protected Archiver archiver() {
        archiver = new LocalLogArchiver(new ArchiveEventsService((batchId, events) -> {
            if (lakeDown) {
                throw new IllegalStateException("the lake refuses writes");
            }
            // A chunk is re-written whole: the lake holds each batch's latest content.
            lake.removeIf(id -> id.startsWith(batchId + "/"));
            events.forEach(event -> lake.add(batchId + "/" + event.id().value()));
        }, CHUNK), state.toString());
        archiver.attach((from, size, batches) -> {
            List<Event> all = List.copyOf(log);
            for (long first = from; first < all.size(); first += size) {
                batches.accept(first, all.subList((int) first, (int) Math.min(all.size(), first + size)));
            }
        });
        return new Archiver() {
            @Override
            public FlushLakePort flush() {
                return archiver;
            }

            @Override
            public void append(int count) {
                int from = log.size();
                List<Event> events = IntStream.range(from, from + count).mapToObj(LocalLogArchiverBarrierTest::event)
                        .toList();
                log.addAll(events);
                archiver.onAppend(from, events);
            }

            @Override
            public void lakeRefusesWrites(boolean refuses) {
                lakeDown = refuses;
            }

            @Override
            public List<String> eventIdsInLake() {
                return lake.stream().map(entry -> entry.substring(entry.indexOf('/') + 1)).toList();
            }
        };
    }

    private static Event event(int i) {
        return anEvent("e" + i).type(EventType.CLICK).user("u" + i % 7).item("i" + i % 13).at("2026-11-21T09:00:00Z")
                .build();
    }
}
