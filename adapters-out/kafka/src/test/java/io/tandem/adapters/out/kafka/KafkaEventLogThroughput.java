package io.tandem.adapters.out.kafka;

import io.tandem.domain.interaction.Event;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures how many events per second one adapter (its pool of transactional producers) makes durable, with several
 * callers appending ingest-sized batches, one transaction each, as concurrent HTTP requests would. A benchmark, not
 * a test: targets are measured, never asserted by timed tests.
 *
 * <pre>java ... KafkaEventLogThroughput [bootstrap] [events] [batch] [callers] [key=value,... producer extras, or ""]
 *     [producers]</pre>
 */
public final class KafkaEventLogThroughput {

    private KafkaEventLogThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0]
                : System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int callers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Map<String, String> extras = new HashMap<>();
        if (args.length > 4 && !args[4].isBlank()) {
            for (String pair : args[4].split(",")) {
                String[] keyValue = pair.split("=", 2);
                extras.put(keyValue[0], keyValue[1]);
            }
        }
        int producers = args.length > 5 ? Integer.parseInt(args[5]) : KafkaEventLogSettings.DEFAULT_PRODUCERS;
        String topic = "tandem.events.bench-" + UUID.randomUUID();
        KafkaEventLogSettings settings = new KafkaEventLogSettings(bootstrap, topic,
                KafkaEventLogSettings.DEFAULT_PARTITIONS, (short) 1, Duration.ofSeconds(10), producers,
                KafkaEventLogSettings.DEFAULT_TRANSACTIONAL_ID_PREFIX, extras);

        // Batches are built up front so the measurement is the adapter (encode, send, acknowledge), not the fixture.
        List<List<Event>> batches = new ArrayList<>();
        for (int from = 0; from < total; from += batch) {
            batches.add(KafkaEvents.varied("b" + from, Math.min(batch, total - from), 10_000));
        }
        try (KafkaEventLogAdapter adapter = new KafkaEventLogAdapter(settings)) {
            adapter.append(batches.get(0)); // connects and warms up the JIT before the clock starts
            AtomicInteger next = new AtomicInteger(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        adapter.append(batches.get(i));
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            long events = total - batches.get(0).size();
            System.out.printf("%d events in %.2f s = %.0f events/s durable (batch %d, %d callers, %d producers,"
                    + " extras %s)%n", events, seconds, events / seconds, batch, callers, producers, extras);
        } finally {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
