package io.tandem.bootstrap;

import io.tandem.adapters.out.kafka.PrivateKafkaBroker;
import io.tandem.adapters.out.redis.PrivateRedisServer;
import io.tandem.application.feature.port.out.LoadEventCountsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production data plane end to end: HTTP → Kafka event log (transactional) → consumers → Redis online
 * features and the lake. Faults use PRIVATE Kafka and Redis servers, never the shared ones.
 */
class KafkaPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void kafkaDownMeans503WithRetryAfterAndTheSameProcessRecoversWithNothingLostOrDoubled() throws Exception {
        try (PrivateKafkaBroker broker = PrivateKafkaBroker.onFreePorts()) {
            broker.start();
            try (TandemHttp tandem = TandemHttp.start(kafka(broker.bootstrap(), Map.of()))) {
                assertThat(tandem.postJson("/v1/events", clicks(0, 50)).status()).isEqualTo(202);

                broker.crash();
                TandemHttp.Response refused = tandem.postJson("/v1/events", clicks(50, 50));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.header("Retry-After")).isNotBlank();

                broker.start();
                // The client retries the refused batch until the same process accepts it.
                awaitTrue(() -> tandem.postJson("/v1/events", clicks(50, 50)).status() == 202);
                assertThat(tandem.postJson("/v1/events", clicks(0, 100)).tree().get("duplicates").getIntValue())
                        .isEqualTo(100);

                awaitTrue(() -> lakeIds(tandem).size() >= 100);
                assertThat(lakeIds(tandem)).doesNotHaveDuplicates().hasSize(100);
                LoadEventCountsPort counts = tandem.context().getBean(LoadEventCountsPort.class);
                awaitTrue(() -> totalClicks(counts) == 100);
                Thread.sleep(2_000);
                assertThat(totalClicks(counts)).isEqualTo(100);
            }
        }
    }

    @Test
    void redisDownKeepsIngestionUpAndTheOnlineStoreCatchesUpFromTheLog() throws Exception {
        try (PrivateRedisServer redis = PrivateRedisServer.started()) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("tandem.online-store", "redis");
            properties.put("tandem.redis.uri", redis.uri());
            properties.put("tandem.event-ids", "jdbc");
            try (TandemHttp tandem = TandemHttp.start(kafka(sharedBroker(), properties))) {
                // Only catalog items are served (ADR-0019).
                assertThat(tandem.postJson("/v1/items:batch", IntStream.range(0, 10)
                        .mapToObj(i -> "{\"itemId\":\"i" + i + "\"}").collect(Collectors.joining(",", "[", "]")))
                        .status()).isEqualTo(200);
                redis.kill();
                assertThat(tandem.postJson("/v1/events", clicks(0, 30)).status()).isEqualTo(202);

                redis.start();
                LoadEventCountsPort counts = tandem.context().getBean(LoadEventCountsPort.class);
                awaitTrue(() -> {
                    try {
                        return totalClicks(counts) == 30;
                    } catch (RuntimeException stillDown) {
                        return false;
                    }
                });
                awaitTrue(() -> tandem.get("/v1/users/newcomer/recommendations?count=5").tree().get("items").size() == 5);
            }
        }
    }

    /** Kafka event log on {@code bootstrap} with a topic and consumer groups of this test alone. */
    private static Map<String, Object> kafka(String bootstrap, Map<String, Object> more) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("tandem.event-log", "kafka");
        properties.put("tandem.kafka.bootstrap-servers", bootstrap);
        properties.put("tandem.kafka.topic", "tandem-it-" + run);
        properties.put("tandem.kafka.dead-letter-topic", "tandem-it-" + run + ".dlq");
        properties.put("tandem.kafka.group-prefix", "tandem-it-" + run);
        properties.put("tandem.kafka.partitions", 2);
        properties.put("tandem.kafka.delivery-timeout", "3s");
        properties.put("tandem.lake.chunk-events", 40);
        return properties;
    }

    private static String sharedBroker() {
        return System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    /** Clicks on items i0..i9 by users u0..u6 with ids e{from}..; same ids for the same range. */
    private static String clicks(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> "{\"id\":\"e" + i + "\",\"type\":\"click\",\"userId\":\"u" + i % 7 + "\",\"itemId\":\"i"
                        + i % 10 + "\",\"time\":\"2026-11-2" + (i % 2) + "T10:00:00Z\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static long totalClicks(LoadEventCountsPort counts) {
        List<ItemId> items = IntStream.range(0, 10).mapToObj(i -> new ItemId("i" + i)).toList();
        return counts.itemCounts(items).values().stream().mapToLong(c -> c.count(EventType.CLICK)).sum();
    }

    private static List<String> lakeIds(TandemHttp tandem) {
        List<String> ids = new ArrayList<>();
        tandem.context().getBean(ReadLakePort.class).readEvents(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"), event -> ids.add(event.id().value()));
        return ids;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE);
            }
            Thread.sleep(250);
        }
    }
}
