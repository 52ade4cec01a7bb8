package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.application.feature.port.out.LoadEventCountsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real jar, killed with SIGKILL in the middle of a stream of events and started again: every event it
 * acknowledged is in the lake exactly once and counted exactly once in the online store.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target", "tandem.jar");
    private static final int ITEMS = 20;

    private static final String PG_URL = env("TANDEM_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/tandem");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String schema() {
        return "tandem_crash_" + run;
    }

    private static void sql(String statement) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(PG_URL, "postgres", "");
             java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKilledServerLosesNoAcknowledgedEventAndCountsNoneTwice() throws Exception {
        assertThat(JAR).as("the fat jar is built in the package phase, before integration tests").exists();
        sql("CREATE SCHEMA " + schema());
        try {
            killAndRecover(production());
        } finally {
            sql("DROP SCHEMA " + schema() + " CASCADE");
            SharedRedisKeys.remove(env("TANDEM_REDIS_URI", "redis://127.0.0.1:6379"), "tandem-crash-" + run + ":");
        }
    }

    private void killAndRecover(Map<String, String> properties) throws Exception {
        Set<String> acknowledged = new HashSet<>();
        int next = 0;

        Process first = start(properties);
        try {
            await(properties);
            // Keep posting small batches while the process is killed under them.
            long killAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < killAt) {
                next = post(properties, next, 25, acknowledged);
            }
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("events acknowledged before the kill").isNotEmpty();

        Process second = start(properties);
        try {
            await(properties);
            // The client retries what it never got an answer for: events from next - 25 on are sent again.
            next = post(properties, Math.max(0, next - 25), 50, acknowledged);
            try (ApplicationContext probe = ApplicationContext.run(probeProperties(properties))) {
                List<String> lake = awaitLake(probe, acknowledged.size());
                assertThat(lake).doesNotHaveDuplicates();
                assertThat(new HashSet<>(lake)).isEqualTo(acknowledged);
                assertThat(totalCounted(probe)).isEqualTo(acknowledged.size());
            }
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("Tandem exits on SIGTERM").isTrue();
        } finally {
            second.destroyForcibly();
        }
    }

    private Map<String, String> production() throws IOException {
        Map<String, String> p = new HashMap<>();
        String name = "tandem-crash-" + run;
        p.put("micronaut.server.port", Integer.toString(freePort()));
        p.put("tandem.event-log", "kafka");
        p.put("tandem.kafka.bootstrap-servers", env("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put("tandem.kafka.topic", name);
        p.put("tandem.kafka.dead-letter-topic", name + ".dlq");
        p.put("tandem.kafka.group-prefix", name);
        p.put("tandem.kafka.partitions", "2");
        p.put("tandem.online-store", "redis");
        p.put("tandem.redis.uri", env("TANDEM_REDIS_URI", "redis://127.0.0.1:6379"));
        p.put("tandem.redis.key-prefix", name + ":");
        p.put("tandem.redis.command-timeout", "2s");
        p.put("tandem.event-ids", "jdbc");
        p.put("tandem.catalog", "jdbc");
        // Claims must survive SIGKILL: PostgreSQL as in production (H2's file mode may lose its last commits).
        p.put("datasources.default.url", PG_URL + "?currentSchema=" + schema());
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.username", "postgres");
        p.put("tandem.lake.store", "minio");
        p.put("tandem.lake.chunk-events", "100");
        p.put("tandem.lake.s3.endpoint", env("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000"));
        p.put("tandem.lake.s3.access-key", env("TANDEM_LAKE_S3_ACCESS_KEY", "tandem"));
        p.put("tandem.lake.s3.secret-key", env("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret"));
        p.put("tandem.lake.s3.bucket", name);
        return p;
    }

    /**
     * The same lake and online store, read in process: no consumers, and nothing that would open the server's
     * database (H2 allows one process per file).
     */
    private static Map<String, Object> probeProperties(Map<String, String> properties) {
        Map<String, Object> probe = new HashMap<>(properties);
        probe.put("tandem.kafka.consumers", "false");
        probe.put("tandem.catalog", "memory");
        probe.put("tandem.event-ids", "memory");
        probe.put("tandem.jobs", "memory");
        probe.remove("datasources.default.url");
        probe.remove("datasources.default.driver-class-name");
        probe.remove("datasources.default.username");
        probe.remove("micronaut.server.port");
        return probe;
    }

    private static Process start(Map<String, String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString(), "serve"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("tandem-crash", ".log").toFile()).start();
    }

    private void await(Map<String, String> properties) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(url(properties, "/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Tandem did not become ready in 90 s");
    }

    /** Posts batches of {@code size} events from {@code from} on; records what was acknowledged. */
    private int post(Map<String, String> properties, int from, int size, Set<String> acknowledged) {
        String body = IntStream.range(from, from + size)
                .mapToObj(i -> "{\"id\":\"" + run + "-" + i + "\",\"type\":\"click\",\"userId\":\"u" + i % 9
                        + "\",\"itemId\":\"i" + i % ITEMS + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(properties, "/v1/events"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                IntStream.range(from, from + size).forEach(i -> acknowledged.add(run + "-" + i));
            }
        } catch (IOException killed) {
            // The process died under this request: not acknowledged, so the client will send it again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return from + size;
    }

    private static List<String> awaitLake(ApplicationContext probe, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<String> ids = List.of();
        while (System.nanoTime() < deadline) {
            List<String> found = new ArrayList<>();
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            probe.getBean(ReadLakePort.class).readEvents(today.minusDays(1), today.plusDays(1),
                    event -> found.add(event.id().value()));
            ids = found;
            if (new HashSet<>(found).size() >= expected) {
                return found;
            }
            Thread.sleep(1_000);
        }
        return ids;
    }

    private static long totalCounted(ApplicationContext probe) {
        List<ItemId> items = IntStream.range(0, ITEMS).mapToObj(i -> new ItemId("i" + i)).toList();
        return probe.getBean(LoadEventCountsPort.class).itemCounts(items).values().stream()
                .mapToLong(c -> c.count(EventType.CLICK)).sum();
    }

    private static URI url(Map<String, String> properties, String path) {
        return URI.create("http://127.0.0.1:" + properties.get("micronaut.server.port") + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
