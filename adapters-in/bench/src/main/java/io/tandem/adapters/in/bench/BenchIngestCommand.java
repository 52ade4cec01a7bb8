package io.tandem.adapters.in.bench;

import io.tandem.application.ingestion.port.in.ReadArchivedEventsQuery;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tandem bench ingest}: starts Tandem on the chosen adapters, posts events over HTTP from several
 * clients, waits until the online store (with Kafka: its consumer group has read the whole log) and the lake hold
 * them, and checks the lake holds exactly the accepted events, once each. Reports the server's CPU time per event
 * beside the rates: on a shared machine the steadier figure.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Drive events through HTTP -> event log -> online store and lake, wait until both hold "
                + "every accepted event, then verify the lake holds exactly the accepted events. Needs "
                + "scripts/services.sh up for --adapters production.")
final class BenchIngestCommand implements Runnable {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
    private static final Pattern DUPLICATES = Pattern.compile("\"duplicates\":(\\d+)");
    private static final Duration LAKE_PATIENCE = Duration.ofMinutes(15);
    /** The posting threads' name prefix: their CPU is the load generator's, not the server's. */
    private static final String CLIENT_THREADS = "bench-ingest-client-";

    private final BenchLauncher launcher;
    private final PrintStream out;

    @Option(names = "--events", defaultValue = "200000", description = "Events to send (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--batch", defaultValue = "1000", description = "Events per request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--adapters", defaultValue = "production",
            description = "production (Kafka, Redis, S3, PostgreSQL) or embedded (default: ${DEFAULT-VALUE}).")
    String adapters;

    @Option(names = "--keep-data", description = "Keep the run's Redis keys, Kafka topics and bucket for inspection.")
    boolean keepData;

    @Option(names = "--output", description = "Write the result as JSON to this file.")
    Path output;

    BenchIngestCommand(BenchLauncher launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    @Override
    public void run() {
        if (events < 1 || batch < 1 || batch > 10_000 || clients < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--events and --clients must be positive, --batch between 1 and 10000");
        }
        BenchAdapters chosen = BenchAdapters.valueOf(adapters.toUpperCase(Locale.ROOT));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path scratch = scratch(run);
        List<String> bodies = bodies(run);
        out.printf("bench ingest %s: %,d events in batches of %,d from %d clients (run %s)%n", chosen, events, batch,
                clients, run);
        Map<String, Object> properties = chosen.properties(run, scratch);
        try (BenchServer server = launcher.startServer(properties);
             ConsumerGroupProgress groups = chosen == BenchAdapters.PRODUCTION
                     ? new ConsumerGroupProgress(String.valueOf(properties.get("tandem.kafka.bootstrap-servers")),
                     String.valueOf(properties.get("tandem.kafka.topic")))
                     : null) {
            CpuClock cpu = new CpuClock(Set.of(Thread.currentThread().getId()), Set.of(CLIENT_THREADS, "HttpClient-"));
            CpuClock.Sample cpuBefore = cpu.sample();
            long started = System.nanoTime();
            Totals totals = post(server.url(), bodies);
            double httpSeconds = seconds(started);
            long accepted = totals.accepted.get();
            out.printf("  HTTP: %,d accepted, %,d duplicates in %.1f s (%,.0f events/s)%n", accepted,
                    totals.duplicates.get(), httpSeconds, accepted / httpSeconds);
            Double onlineSeconds = null;
            Double archivedSeconds = null;
            if (groups != null) {
                double[] at = awaitGroups(groups, String.valueOf(properties.get("tandem.kafka.group-prefix")), started);
                onlineSeconds = at[0];
                archivedSeconds = at[1];
            }
            // Without Kafka the lake itself is polled; with it, this finds the lake complete at the first read, and
            // the lake's time is when its consumer group caught up, not when reading it back ended.
            int inLake = awaitLake(server.platform().readArchivedEvents(), run, accepted);
            double lakeSeconds = archivedSeconds != null ? archivedSeconds : seconds(started);
            CpuClock.Sample cpuAfter = cpu.sample();
            double seconds = Math.max(lakeSeconds, onlineSeconds == null ? 0 : onlineSeconds);
            long clientNanos = cpuAfter.clientNanosSince(cpuBefore);
            double serverCpuSeconds = (cpuAfter.processNanos() - cpuBefore.processNanos() - clientNanos) / 1e9;
            String json = String.format(Locale.ROOT, "{\"events\":%d,\"accepted\":%d,\"in_lake\":%d,"
                            + "\"events_per_s\":%.1f,\"seconds\":%.2f,\"http_events_per_s\":%.1f,\"http_seconds\":%.2f,"
                            + "\"online_store_seconds\":%s,\"lake_seconds\":%.2f,\"server_cpu_s\":%.2f,"
                            + "\"server_cpu_us_per_event\":%.1f,\"client_cpu_s\":%.2f,\"load_average\":%.2f,"
                            + "\"adapters\":\"%s\",\"batch\":%d,\"clients\":%d}",
                    events, accepted, inLake, accepted / seconds, seconds, accepted / httpSeconds, httpSeconds,
                    onlineSeconds == null ? "null" : String.format(Locale.ROOT, "%.2f", onlineSeconds), lakeSeconds,
                    serverCpuSeconds, serverCpuSeconds * 1e6 / Math.max(1, accepted), clientNanos / 1e9,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), adapters, batch, clients);
            out.println(json);
            if (output != null) {
                Files.writeString(output, json + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            if (inLake != accepted || accepted != events) {
                throw new IllegalStateException("the lake holds " + inLake + " of " + accepted
                        + " accepted events (" + events + " sent)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consumers", e);
        } finally {
            if (!keepData) {
                new RunData(properties, out).remove();
            }
        }
    }

    /**
     * Waits until the online-features and lake-archiver groups hold every accepted event, watching both at once;
     * returns the seconds since {@code started} at which each caught up (online store, lake).
     */
    private double[] awaitGroups(ConsumerGroupProgress groups, String prefix, long started)
            throws InterruptedException {
        List<String> ids = List.of(prefix + ".online-features", prefix + ".lake-archiver");
        String[] names = {"online store", "lake"};
        long[] at = groups.awaitEachCaughtUp(ids, LAKE_PATIENCE, i -> out.printf(
                "  %s: every accepted event at %.1f s%n", names[i], seconds(started))).orElseThrow(
                () -> new IllegalStateException("the consumers (" + ids + ") did not catch up within "
                        + LAKE_PATIENCE.toMinutes() + " minutes"));
        return new double[] {(at[0] - started) / 1e9, (at[1] - started) / 1e9};
    }

    /** Pre-built request bodies, so generating events is not part of what is measured. */
    private List<String> bodies(String run) {
        SplittableRandom random = new SplittableRandom(run.hashCode());
        String[] types = {"click", "view", "like", "add-to-cart", "purchase", "impression"};
        Instant now = Instant.now();
        List<String> bodies = new ArrayList<>(events / batch + 1);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < events; i++) {
            body.append(body.length() == 0 ? "[" : ",");
            String type = types[random.nextInt(types.length)];
            body.append("{\"id\":\"").append(run).append('-').append(i)
                    .append("\",\"type\":\"").append(type)
                    .append("\",\"userId\":\"u").append(random.nextInt(Math.max(1, events / 20)))
                    .append("\",\"itemId\":\"i").append(random.nextInt(Math.max(1, events / 50)))
                    .append("\",\"time\":\"").append(now.minusSeconds(random.nextInt(3600))).append('"');
            if (type.equals("view") || type.equals("purchase")) {
                body.append(",\"value\":").append(1 + random.nextInt(300));
            }
            body.append(",\"context\":{\"surface\":\"bench\",\"position\":").append(1 + random.nextInt(20)).append("}}");
            if ((i + 1) % batch == 0 || i == events - 1) {
                bodies.add(body.append(']').toString());
                body.setLength(0);
            }
        }
        return bodies;
    }

    private Totals post(String url, List<String> bodies) {
        Totals totals = new Totals();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                task -> new Thread(task, CLIENT_THREADS + threads.incrementAndGet()));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        send(client, url, bodies.get(i), totals);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("posting events failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        return totals;
    }

    /** Sends one batch, retrying while the server answers 503 (it asks to come back later), as a client would. */
    private static void send(HttpClient client, String url, String body, Totals totals) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/events"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                totals.accepted.addAndGet(number(ACCEPTED, response.body()));
                totals.duplicates.addAndGet(number(DUPLICATES, response.body()));
                return;
            }
            if (response.statusCode() != 503 || attempt == 20) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)).toMillis());
        }
    }

    /** Polls the lake until it holds every accepted event of this run; returns how many distinct ones it holds. */
    private int awaitLake(ReadArchivedEventsUseCase lake, String run, long accepted) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReadArchivedEventsQuery query = new ReadArchivedEventsQuery(today.minusDays(1), today.plusDays(1));
        long deadline = System.nanoTime() + LAKE_PATIENCE.toNanos();
        String prefix = run + "-";
        while (true) {
            Set<String> ids = new HashSet<>();
            AtomicLong copies = new AtomicLong();
            lake.read(query, event -> {
                if (event.id().value().startsWith(prefix)) {
                    copies.incrementAndGet();
                    ids.add(event.id().value());
                }
            });
            if (copies.get() != ids.size()) {
                throw new IllegalStateException("the lake holds " + (copies.get() - ids.size()) + " duplicate events");
            }
            if (ids.size() >= accepted || System.nanoTime() > deadline) {
                return ids.size();
            }
            out.printf("  lake: %,d of %,d events%n", ids.size(), accepted);
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ids.size();
            }
        }
    }

    private static Path scratch(String run) {
        try {
            return Files.createTempDirectory("tandem-bench-" + run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Counts across client threads. */
    private static final class Totals {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
    }
}
