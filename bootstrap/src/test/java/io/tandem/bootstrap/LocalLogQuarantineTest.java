package io.tandem.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.application.feature.port.out.LoadEventCountsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded event log's consumers never stop on one record (ADR-0020): a record they cannot read is set aside in
 * a quarantine file with its reason, counted and logged once, and they go on; a store that fails is retried from
 * the log without losing or doubling an event in the lake.
 */
class LocalLogQuarantineTest {

    @Test
    void aRecordNoConsumerCanReadIsQuarantinedOnceAndEveryOtherEventStillReachesTheLakeAndTheOnlineStore()
            throws Exception {
        Map<String, Object> state = TandemHttp.isolated();
        Path events = Path.of((String) state.get("tandem.local-log.path"));
        // A log written before the input contract: a good event, one from the year -300000, another good one.
        Files.createDirectories(events);
        Files.write(events.resolve("events.log"), concat(
                frame("before-1", "u1", "i1", Instant.parse("2026-11-10T10:00:00Z").getEpochSecond()),
                frame("ancient", "u1", "i1", -9_467_000_000_000L),
                frame("before-2", "u2", "i2", Instant.parse("2026-11-10T11:00:00Z").getEpochSecond())));

        try (TandemHttp tandem = TandemHttp.start(state)) {
            assertThat(tandem.postJson("/v1/events",
                    "[{\"id\":\"after\",\"type\":\"click\",\"userId\":\"u3\",\"itemId\":\"i1\","
                            + "\"time\":\"2026-11-10T12:00:00Z\"}]").status()).isEqualTo(202);

            assertThat(archived(tandem, "2026-11-10")).containsExactlyInAnyOrder("before-1", "before-2", "after");
            assertThat(quarantined(tandem)).isEqualTo(1.0);
            // The online store was rebuilt from the log without the ancient record: i1 was clicked twice.
            ItemId i1 = new ItemId("i1");
            assertThat(tandem.context().getBean(LoadEventCountsPort.class).itemCounts(List.of(i1)).get(i1)
                    .count(EventType.CLICK)).isEqualTo(2);
        }
        List<String> quarantine = Files.readAllLines(events.resolve("quarantine.ndjson"));
        assertThat(quarantine).singleElement().satisfies(line -> assertThat(line)
                .contains("\"offset\":1").contains("\"field\":\"time\"").contains("\"reason\":"));

        // A restart reads the log again: the record stays set aside, without a second entry.
        try (TandemHttp again = TandemHttp.start(state)) {
            assertThat(archived(again, "2026-11-10")).containsExactlyInAnyOrder("before-1", "before-2", "after");
        }
        assertThat(Files.readAllLines(events.resolve("quarantine.ndjson"))).hasSize(1);
    }

    @Test
    void aLakeThatFailsWhileChunksCloseLosesAndDoublesNothingOnceItIsBack() throws Exception {
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        properties.put("tandem.lake.chunk-events", 5);
        Path lake = Path.of((String) properties.get("tandem.lake.path"));
        try (TandemHttp tandem = TandemHttp.start(properties)) {
            // The lake's events folder is a plain file: every write fails, as on a full or read-only disk.
            Files.createDirectories(lake);
            Files.writeString(lake.resolve("events"), "not a folder");
            for (int batch = 0; batch < 4; batch++) {
                assertThat(tandem.postJson("/v1/events", clicks(batch * 7, 7)).status()).isEqualTo(202);
            }
            tandem.context().getBean(LocalLogArchiver.class).drain();

            Files.delete(lake.resolve("events"));
            assertThat(tandem.postJson("/v1/events", clicks(28, 3)).status()).isEqualTo(202);

            List<String> ids = archived(tandem, "2026-11-11");
            assertThat(ids).doesNotHaveDuplicates().hasSize(31);
        }
    }

    private static List<String> archived(TandemHttp tandem, String day) throws Exception {
        LocalLogArchiver archiver = tandem.context().getBean(LocalLogArchiver.class);
        archiver.drain();
        // A failed archiver catches up on its next flush; drain twice so a recovery has run.
        archiver.drain();
        List<String> ids = new ArrayList<>();
        LocalDate date = LocalDate.parse(day);
        tandem.context().getBean(ReadLakePort.class).readEvents(date, date, event -> ids.add(event.id().value()));
        return ids;
    }

    private static double quarantined(TandemHttp tandem) {
        return tandem.context().getBean(MeterRegistry.class).find("tandem.quarantined.records").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static String clicks(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> "{\"id\":\"q-" + i + "\",\"type\":\"click\",\"userId\":\"u" + i % 3 + "\",\"itemId\":\"i"
                        + i % 4 + "\",\"time\":\"" + Instant.parse("2026-11-11T10:00:00Z").plusSeconds(i)
                        .atOffset(ZoneOffset.UTC) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** One frame of the local log, written by hand so it can hold what today's domain would refuse. */
    private static byte[] frame(String id, String user, String item, long epochSecond) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeUTF(id);
            out.writeUTF("click");
            out.writeUTF(user);
            out.writeUTF(item);
            out.writeLong(epochSecond);
            out.writeInt(0);
            out.writeBoolean(false);
            out.writeDouble(0);
            out.writeUTF("");
            out.writeUTF("");
            out.writeInt(0);
        }
        byte[] bytes = payload.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(frame)) {
            out.writeInt(bytes.length);
            out.writeInt((int) crc.getValue());
            out.write(bytes);
        }
        return frame.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
