package io.tandem.adapters.out.filesystem;

import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

class FileEventLogAdapterTest {

    @TempDir
    Path directory;

    @Test
    void appendedEventsSurviveAReopenWithEveryField() {
        Event full = anEvent("full").type(EventType.PURCHASE).user("ü-1").item("i-1")
                .at("2026-11-21T09:30:00.123456789Z").value(19.99).surface("home").requestId("r-1").position(3).build();
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory, () -> { })) {
            log.append(List.of(full, event(1)));
        }

        try (FileEventLogAdapter reopened = new FileEventLogAdapter(directory, () -> { })) {
            assertThat(reopened.nextOffset()).isEqualTo(2);
            assertThat(replayAll(reopened, 0)).containsExactly(full, event(1));
        }
    }

    @Test
    void subscribersSeeEachAppendWithItsOffsets() {
        List<Long> offsets = new ArrayList<>();
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory, () -> { })) {
            log.subscribe((first, events) -> offsets.add(first));
            log.append(events(0, 3));
            log.append(events(3, 2));
        }

        assertThat(offsets).containsExactly(0L, 3L);
    }

    @Test
    void replayStartsAtTheGivenOffsetInBatches() {
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory, () -> { })) {
            log.append(events(0, 10));
            List<Long> batchStarts = new ArrayList<>();
            List<Event> replayed = new ArrayList<>();
            log.replay(4, 4, (first, events) -> {
                batchStarts.add(first);
                replayed.addAll(events);
            });

            assertThat(batchStarts).containsExactly(4L, 8L);
            assertThat(replayed).containsExactlyElementsOf(events(4, 6));
        }
    }

    @Test
    void aFrameTornByACrashIsCutAndTheLogGoesOn() throws IOException {
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory, () -> { })) {
            log.append(events(0, 5));
        }
        Path file = directory.resolve("events.log");
        long intact = Files.size(file);
        // A crash in the middle of the sixth frame: its header and part of its payload reached the disk.
        byte[] torn = EventFrames.frame(event(5));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(torn, 0, torn.length - 3));
        }

        try (FileEventLogAdapter recovered = new FileEventLogAdapter(directory, () -> { })) {
            assertThat(Files.size(file)).isEqualTo(intact);
            assertThat(recovered.nextOffset()).isEqualTo(5);
            recovered.append(List.of(event(5)));
            assertThat(replayAll(recovered, 0)).containsExactlyElementsOf(events(0, 6));
        }
    }

    @Test
    void aCorruptFrameEndsTheLogThere() throws IOException {
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory, () -> { })) {
            log.append(events(0, 3));
        }
        Path file = directory.resolve("events.log");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 0x55;
        Files.write(file, bytes);

        try (FileEventLogAdapter recovered = new FileEventLogAdapter(directory, () -> { })) {
            assertThat(replayAll(recovered, 0)).containsExactlyElementsOf(events(0, 2));
        }
    }

    @Test
    void aCompleteFrameThatNoLongerReadsAsAnEventIsQuarantinedOnceAndReplayGoesOnPastIt() throws IOException {
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory, () -> { })) {
            log.append(events(0, 3));
        }
        rewriteSecondFramesType("CLICK");
        AtomicInteger counted = new AtomicInteger();

        try (FileEventLogAdapter reopened = new FileEventLogAdapter(directory, counted::incrementAndGet)) {
            List<Long> batchStarts = new ArrayList<>();
            List<Event> replayed = new ArrayList<>();
            reopened.replay(0, 1000, (first, events) -> {
                batchStarts.add(first);
                replayed.addAll(events);
            });
            assertThat(replayAll(reopened, 0)).as("a second read skips it again").hasSize(2);

            assertThat(replayed).containsExactly(event(0), event(2));
            assertThat(batchStarts).as("batches hold consecutive offsets").containsExactly(0L, 2L);
        }
        try (FileEventLogAdapter again = new FileEventLogAdapter(directory, counted::incrementAndGet)) {
            assertThat(replayAll(again, 0)).hasSize(2);
        }

        assertThat(counted).as("counted once, however often read").hasValue(1);
        assertThat(Files.readAllLines(directory.resolve("quarantine.ndjson"))).singleElement()
                .satisfies(line -> assertThat(line).startsWith("{\"offset\":1,\"field\":\"type\",\"reason\":")
                        .contains("\"record\":\""));
    }

    @Test
    void aFailingSubscriberNeverFailsAnAppendThatIsAlreadyDurable() {
        List<Long> seen = new ArrayList<>();
        try (FileEventLogAdapter log = new FileEventLogAdapter(directory, () -> { })) {
            log.subscribe((first, events) -> {
                throw new IllegalStateException("store down");
            });
            log.subscribe((first, events) -> seen.add(first));

            log.append(events(0, 2));

            assertThat(log.nextOffset()).isEqualTo(2);
            assertThat(seen).as("later subscribers still hear of it").containsExactly(0L);
        }
    }

    /** Replaces the type of the log's second frame by text of the same length, with a matching checksum. */
    private void rewriteSecondFramesType(String type) throws IOException {
        Path file = directory.resolve("events.log");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        int second = EventFrames.HEADER_BYTES + bytes.getInt(0);
        int length = bytes.getInt(second);
        byte[] payload = new byte[length];
        bytes.get(second + EventFrames.HEADER_BYTES, payload);
        String text = new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("click", type);
        byte[] changed = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(changed);
        bytes.putInt(second + 4, (int) crc.getValue());
        bytes.put(second + EventFrames.HEADER_BYTES, changed);
        Files.write(file, bytes.array());
    }

    private static List<Event> replayAll(FileEventLogAdapter log, long from) {
        List<Event> replayed = new ArrayList<>();
        log.replay(from, 1000, (first, events) -> replayed.addAll(events));
        return replayed;
    }

    private static List<Event> events(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(FileEventLogAdapterTest::event).toList();
    }

    private static Event event(int i) {
        return anEvent("e" + i).type(EventType.CLICK).user("u" + i % 3).item("i" + i)
                .at(Instant.parse("2026-11-21T09:00:00Z").plusSeconds(i)).build();
    }
}
