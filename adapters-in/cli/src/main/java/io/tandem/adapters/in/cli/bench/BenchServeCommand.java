package io.tandem.adapters.in.cli.bench;

import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemServer;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsQuery;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.interaction.EventLogUnavailableException;
import io.tandem.domain.interaction.EventSubmission;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tandem bench serve}: starts Tandem on the chosen adapters in a fresh state, loads a generated data set
 * through the ingest use cases, trains and serves the two-stage model, then drives
 * {@code GET /v1/users/{id}/recommendations} open-loop at each rate and reports latency percentiles, followed by
 * an in-process breakdown of where a request's time goes.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serving latency: load a generated data set, train the two-stage model, then send recommendation "
                    + "requests open-loop at fixed rates and report p50/p95/p99 (timed from each request's due "
                    + "time), errors and the fallback share per rate, and an in-process stage breakdown.",
            "Needs scripts/services.sh up for --adapters production."
        })
final class BenchServeCommand implements Callable<Integer> {

    private static final Duration LAKE_PATIENCE = Duration.ofMinutes(15);
    private static final int EVENT_BATCH = RecordEventsCommand.MAX_EVENTS;
    private static final int PROBED_USERS = 200;

    @CommandLine.Spec
    private CommandSpec spec;

    @Option(names = "--items", defaultValue = "100000", paramLabel = "N",
            description = "Items in the catalogue (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--users", defaultValue = "20000", paramLabel = "N",
            description = "Users with events (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--events-per-user", defaultValue = "20", paramLabel = "N",
            description = "Average events per user: impressions, and a click and a view for about a third of "
                    + "them; each item is also shown once (default: ${DEFAULT-VALUE}).")
    int eventsPerUser;

    @Option(names = "--candidates", defaultValue = "500", paramLabel = "N",
            description = "Candidates to rank per request. The model ranks what its retrievers propose (the "
                    + "measured number is reported as candidates_ranked); N is also the batch size of the ONNX "
                    + "scoring figure in the stage breakdown (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--candidates-per-retriever", paramLabel = "N",
            description = "Items taken from each retriever's top list when the model is trained "
                    + "(tandem.two-stage.candidates-per-retriever; default: as configured, 50). The lists overlap: "
                    + "the number ranked per request is measured and reported as candidates_ranked.")
    Integer candidatesPerRetriever;

    @Option(names = "--rate", split = ",", defaultValue = "250,500,1000", paramLabel = "R",
            description = "Requests per second, one run per rate, comma-separated (default: ${DEFAULT-VALUE}).")
    int[] rates;

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "S",
            description = "Length of each rate's run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "S",
            description = "Seconds at the first rate before measuring, not recorded (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--count", defaultValue = "10", paramLabel = "N",
            description = "Items asked for per request (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--new-users", defaultValue = "0.1", paramLabel = "F",
            description = "Share of requests for users Tandem has never seen (default: ${DEFAULT-VALUE}).")
    double newUsers;

    @Option(names = "--timeout-ms", defaultValue = "5000", paramLabel = "MS",
            description = "Client timeout per request; a timeout counts as an error (default: ${DEFAULT-VALUE}).")
    int timeoutMs;

    @Option(names = "--max-in-flight", defaultValue = "1000", paramLabel = "N",
            description = "Requests waiting at most; a request due beyond that is dropped and reported "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--stage-requests", defaultValue = "2000", paramLabel = "N",
            description = "Requests of the in-process stage breakdown; 0 skips it (default: ${DEFAULT-VALUE}).")
    int stageRequests;

    @Option(names = "--train-minutes", defaultValue = "10", paramLabel = "M",
            description = "Give up when training takes longer (default: ${DEFAULT-VALUE}).")
    int trainMinutes;

    @Option(names = "--dependency-timeout-ms", paramLabel = "MS",
            description = "Override Tandem's per-dependency timeouts on the request path (online store, catalog, "
                    + "scorer; tandem.serving.*-timeout, 15 ms by default), to see what the model path itself "
                    + "takes where the default timeouts hand requests to the fallback.")
    Integer dependencyTimeoutMs;

    @Option(names = "--adapters", defaultValue = "production", paramLabel = "SET",
            description = "production (Redis, Kafka, PostgreSQL, S3) or embedded (default: ${DEFAULT-VALUE}).")
    String adapters;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the data set and of the request order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the per-rate results as a JSON array.")
    Path output;

    @Option(names = "--stages-output", paramLabel = "FILE", description = "Write the stage breakdown as JSON.")
    Path stagesOutput;

    private final TandemLauncher launcher;
    private final PrintStream out;
    private long startedNanos;

    BenchServeCommand(TandemLauncher launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        BenchAdapters chosen = validated();
        startedNanos = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = properties(chosen, run);
        out.printf("bench serve %s (run %s): %,d items, %,d users, ~%d events per user; rates %s rps, %d s each; "
                        + "dependency timeouts %s; load average %.2f on %d cores%n", adapters, run, items, users,
                eventsPerUser, Arrays.toString(rates), seconds,
                dependencyTimeoutMs == null ? "as configured" : dependencyTimeoutMs + " ms", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        PostgresSchema schema = null;
        if (chosen == BenchAdapters.PRODUCTION) {
            schema = PostgresSchema.create((String) properties.get("datasources.default.url"),
                    (String) properties.get("datasources.default.username"),
                    (String) properties.get("datasources.default.password"), "tandem_bench_" + run);
            properties.put("datasources.default.url", schema.url());
            progress("PostgreSQL schema %s created", schema.name());
        }
        try (TandemServer server = launcher.startServer(properties)) {
            progress("Tandem serving on %s", server.url());
            BenchDataSet data = new BenchDataSet(items, users, eventsPerUser, seed, Instant.now());
            TrainingReport report = loadAndTrain(server, data);
            List<String> known = data.usersWithHistory();
            ServedCandidates served = ServedCandidates.probe(server, probedUsers(known));
            progress("the model ranks %.1f candidates per request on average (min %d, max %d; %d features, "
                            + "%,d items known to the model); --candidates asked for %d", served.meanCount(),
                    served.minCount(), served.maxCount(), served.featureCount(), report.items(), candidates);
            List<RateResult> results = drive(server.url(), known, served.meanCount(), chosen);
            printTable(results);
            write(output, RateResult.toJson(results));
            if (stageRequests > 0) {
                // Let circuits the load opened close again (tandem.serving.circuit-open-for, 2 s).
                sleep(Duration.ofSeconds(5));
                progress("stage breakdown: %,d requests in-process (load average %.2f)", stageRequests,
                        loadAverage());
                HttpClient client = httpClient();
                StageBreakdown.Result stages = StageBreakdown.measure(server, served, stageRequests, count,
                        candidates, (user, n) -> get(client, server.url(), user, n));
                StageBreakdown.print(stages, served.meanCount(), out);
                write(stagesOutput, StageBreakdown.toJson(stages, served.meanCount()));
            }
        } finally {
            if (schema != null) {
                schema.close();
            }
        }
        if (chosen == BenchAdapters.PRODUCTION) {
            // As bench ingest: the run's Redis keys, topic and bucket stay for inspection; about 100 MB of Redis
            // at 100,000 items.
            out.printf("Left behind: Redis keys tandem-bench-%1$s:*, Kafka topics tandem-bench-%1$s(.dlq), bucket "
                    + "tandem-bench-%1$s. Free Redis with:%n  redis-cli --scan --pattern 'tandem-bench-%1$s:*' "
                    + "| xargs -r -n 1000 redis-cli unlink%n", run);
        }
        return CommandLine.ExitCode.OK;
    }

    /** The adapter set of a fresh run, with the dependency timeouts overridden when asked. */
    private Map<String, Object> properties(BenchAdapters chosen, String run) throws IOException {
        Map<String, Object> properties = chosen.properties(run, Files.createTempDirectory("tandem-bench-" + run));
        if (candidatesPerRetriever != null) {
            properties.put("tandem.two-stage.candidates-per-retriever", candidatesPerRetriever);
        }
        if (dependencyTimeoutMs != null) {
            for (String dependency : List.of("online-store", "catalog", "scorer")) {
                properties.put("tandem.serving." + dependency + "-timeout", dependencyTimeoutMs + "ms");
            }
            // The budget must hold the three timeouts together, or Tandem refuses the configuration.
            properties.put("tandem.serving.budget", 3 * dependencyTimeoutMs + "ms");
        }
        return properties;
    }

    /** Loads the data set, waits until the lake and the online store hold it, trains and serves the model. */
    private TrainingReport loadAndTrain(TandemServer server, BenchDataSet data) throws InterruptedException {
        long accepted = load(server, data);
        awaitLake(server.useCase(ReadArchivedEventsUseCase.class), accepted);
        awaitOnlineStore(server.useCase(LoadUserStatePort.class), data.lastClicks(50));
        TrainingReport report = train(server);
        ServingModelStatus status = server.useCase(ServingModels.class).refresh();
        progress("serving %s", status.serving().map(m -> m.name() + " " + m.version())
                .orElseThrow(() -> new IllegalStateException("no model serves: "
                        + status.problem().orElse("no champion"))));
        return report;
    }

    private void write(Path file, String json) throws IOException {
        if (file != null) {
            Files.writeString(file, json + System.lineSeparator(), StandardCharsets.UTF_8);
            progress("wrote %s", file);
        }
    }

    private BenchAdapters validated() {
        String problem = null;
        if (items < 1 || users < 1 || eventsPerUser < 1 || candidates < 1 || count < 1) {
            problem = "--items, --users, --events-per-user, --candidates and --count must be 1 or more";
        } else if (count > 1_000) {
            problem = "--count must be at most 1000";
        } else if (rates.length == 0 || Arrays.stream(rates).anyMatch(r -> r < 1)) {
            problem = "--rate needs one or more rates of 1 or more requests per second";
        } else if (seconds < 1 || warmup < 0 || timeoutMs < 1 || maxInFlight < 1 || stageRequests < 0
                || trainMinutes < 1) {
            problem = "--seconds, --timeout-ms, --max-in-flight and --train-minutes must be 1 or more, --warmup and "
                    + "--stage-requests not negative";
        } else if (!(newUsers >= 0 && newUsers < 1)) {
            problem = "--new-users must be in [0, 1)";
        } else if (candidatesPerRetriever != null && candidatesPerRetriever < 1) {
            problem = "--candidates-per-retriever must be 1 or more";
        } else if (dependencyTimeoutMs != null && dependencyTimeoutMs < 1) {
            problem = "--dependency-timeout-ms must be 1 or more";
        }
        BenchAdapters chosen = Arrays.stream(BenchAdapters.values())
                .filter(a -> a.name().equalsIgnoreCase(adapters)).findFirst().orElse(null);
        if (problem == null && chosen == null) {
            problem = "--adapters must be production or embedded, not '" + adapters + "'";
        }
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        return chosen;
    }

    /** Catalog, users, then events, through the same use cases as the HTTP API; returns the events accepted. */
    private long load(TandemServer server, BenchDataSet data) {
        List<Item> catalogue = data.items();
        UpsertItemsUseCase upsertItems = server.useCase(UpsertItemsUseCase.class);
        for (int from = 0; from < catalogue.size(); from += UpsertItemsCommand.MAX_ITEMS) {
            upsertItems.upsert(new UpsertItemsCommand(catalogue.subList(from,
                    Math.min(catalogue.size(), from + UpsertItemsCommand.MAX_ITEMS))));
        }
        List<User> people = data.users();
        UpsertUsersUseCase upsertUsers = server.useCase(UpsertUsersUseCase.class);
        for (int from = 0; from < people.size(); from += UpsertUsersCommand.MAX_USERS) {
            upsertUsers.upsert(new UpsertUsersCommand(people.subList(from,
                    Math.min(people.size(), from + UpsertUsersCommand.MAX_USERS))));
        }
        progress("catalogue loaded: %,d items, %,d users", catalogue.size(), people.size());
        RecordEventsUseCase record = server.useCase(RecordEventsUseCase.class);
        long[] totals = new long[2];
        long loadStarted = System.nanoTime();
        data.events(EVENT_BATCH, batch -> {
            IngestionReport report = recordPatiently(record, batch);
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException("generated events were refused: " + report.rejected().get(0));
            }
            totals[0] += batch.size();
            totals[1] += report.accepted();
            if (totals[0] % 100_000 < EVENT_BATCH) {
                progress("  events %,d sent (%,.0f events/s)", totals[0],
                        totals[0] / ((System.nanoTime() - loadStarted) / 1e9));
            }
        });
        progress("events loaded: %,d sent, %,d accepted", data.eventCount(), totals[1]);
        return totals[1];
    }

    /** Records one batch, waiting while the event log asks to come back later, as a client would. */
    private static IngestionReport recordPatiently(RecordEventsUseCase record, List<EventSubmission> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return record.record(new RecordEventsCommand(batch));
            } catch (EventLogUnavailableException e) {
                if (attempt == 20) {
                    throw e;
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void awaitLake(ReadArchivedEventsUseCase lake, long accepted) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReadArchivedEventsQuery query = new ReadArchivedEventsQuery(
                today.minusDays(BenchDataSet.SPAN.toDays() + 2), today.plusDays(1));
        long deadline = System.nanoTime() + LAKE_PATIENCE.toNanos();
        while (true) {
            long[] inLake = new long[1];
            lake.read(query, event -> inLake[0]++);
            if (inLake[0] >= accepted) {
                progress("lake holds all %,d events", inLake[0]);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the lake holds " + inLake[0] + " of " + accepted
                        + " events after " + LAKE_PATIENCE.toMinutes() + " minutes");
            }
            progress("  lake: %,d of %,d events", inLake[0], accepted);
            sleep(Duration.ofSeconds(3));
        }
    }

    /** Waits until the online store holds the last clicks sent, so requests see every user's history. */
    private void awaitOnlineStore(LoadUserStatePort userState, Map<String, String> lastClicks) {
        long deadline = System.nanoTime() + LAKE_PATIENCE.toNanos();
        while (true) {
            int caughtUp = 0;
            for (Map.Entry<String, String> click : lastClicks.entrySet()) {
                ItemId item = new ItemId(click.getValue());
                List<PositiveInteraction> positives;
                try {
                    positives = userState.userState(new UserId(click.getKey()), 500).positives();
                } catch (RuntimeException e) {
                    // The serving read has the serving timeout; while the consumers still write, it may miss it.
                    positives = List.of();
                }
                caughtUp += positives.stream().anyMatch(p -> p.item().equals(item)) ? 1 : 0;
            }
            if (caughtUp == lastClicks.size()) {
                progress("online store holds the last clicks of %d users", caughtUp);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the online store holds the last clicks of only " + caughtUp
                        + " of " + lastClicks.size() + " users");
            }
            progress("  online store: last clicks of %d of %d users", caughtUp, lastClicks.size());
            sleep(Duration.ofSeconds(2));
        }
    }

    /** Trains on a thread of its own, so a run that will not finish is reported with numbers, not waited for. */
    private TrainingReport train(TandemServer server) throws InterruptedException {
        long trainStarted = System.nanoTime();
        AtomicReference<String> step = new AtomicReference<>("starting");
        TrainModelsCommand command = TrainModelsCommand.wholeLake(server.useCase(ServingModels.class).modelName(),
                HoldOutWindow.latestShare(0.1), TrainModelsCommand.DEFAULT_SEED).withProgress((fraction, now) -> {
                    if (!now.equals(step.getAndSet(now))) {
                        progress("  [%3.0f%%] %s", fraction * 100, now);
                    }
                });
        progress("training %s on the lake (hold-out: the latest 10%% of interactions)", command.model());
        ExecutorService trainer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tandem-bench-train");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<TrainingReport> running = trainer.submit(() -> server.useCase(TrainModelsUseCase.class)
                    .train(command));
            TrainingReport report = running.get(trainMinutes, TimeUnit.MINUTES);
            progress("trained in %.1f s: %,d events, %,d users, %,d items, %,d training interactions; %s",
                    (System.nanoTime() - trainStarted) / 1e9, report.eventsRead(), report.users(), report.items(),
                    report.trainingRows(), report.summary());
            return report;
        } catch (TimeoutException e) {
            throw new IllegalStateException(String.format(Locale.ROOT, "training did not finish within %d minutes "
                    + "(%,d items, %,d users); last step: %s", trainMinutes, items, users, step.get()), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            trainer.shutdownNow();
        }
    }

    private List<String> probedUsers(List<String> known) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> probed = new ArrayList<>(PROBED_USERS);
        for (int i = 0; i < PROBED_USERS; i++) {
            probed.add(known.isEmpty() || random.nextDouble() < newUsers ? "new-probe-" + i
                    : known.get(random.nextInt(known.size())));
        }
        return probed;
    }

    /** Checks that HTTP answers from the model, warms up, then runs each rate. */
    private List<RateResult> drive(String url, List<String> known, double candidatesRanked, BenchAdapters chosen)
            throws InterruptedException {
        HttpClient client = httpClient();
        // A first answer from the fallback can be a cold start (a dependency timing out once on a busy machine):
        // a few tries before deciding that the model does not answer.
        String first = "";
        for (int attempt = 0; attempt < 10 && !first.contains("\"model\":{"); attempt++) {
            if (attempt > 0) {
                Thread.sleep(200);
            }
            first = get(client, url, known.isEmpty() ? "new-user" : known.get(0), count);
        }
        if (!first.contains("\"model\":{")) {
            throw new IllegalStateException("the model does not answer over HTTP: " + first);
        }
        OpenLoopLoad load = new OpenLoopLoad(client, url, known, newUsers, count, Duration.ofMillis(timeoutMs),
                maxInFlight);
        if (warmup > 0) {
            progress("warm-up: %d s at %d rps (not recorded)", warmup, rates[0]);
            load.run(new OpenLoopSchedule(rates[0], warmup), seed - 1);
        }
        List<RateResult> results = new ArrayList<>();
        for (int rate : rates) {
            // Longer than a circuit stays open (tandem.serving.circuit-open-for, 2 s): each rate starts closed.
            sleep(Duration.ofSeconds(3));
            double loadBefore = loadAverage();
            progress("rate %,d rps for %d s (load average %.2f)", rate, seconds, loadBefore);
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            OpenLoopLoad.Measured measured = load.run(new OpenLoopSchedule(rate, seconds), seed + rate);
            double cpuCores = (processCpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
            RateResult result = new RateResult(rate, seconds, measured.sent(), measured.ok(), measured.errors(),
                    measured.dropped(), measured.okPerSecond(), measured.latency().millis(50),
                    measured.latency().millis(95), measured.latency().millis(99), measured.latency().maxMillis(),
                    measured.fallbackShare(), measured.modelLatency().millis(50), measured.modelLatency().millis(99),
                    measured.fallbackReasons(), candidatesRanked, chosen.name().toLowerCase(Locale.ROOT),
                    loadAverage(), cpuCores);
            progress("  %s", result.toJson());
            results.add(result);
        }
        return Collections.unmodifiableList(results);
    }

    private static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, runnable -> {
                    Thread thread = new Thread(runnable, "tandem-bench-http");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /** One request, waited for; the body of a 200. */
    private String get(HttpClient client, String url, String user, int items) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/users/" + user + "/recommendations?count="
                + items)).timeout(Duration.ofMillis(timeoutMs)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void printTable(List<RateResult> results) {
        out.printf("%n  %6s %9s %8s %8s %8s %8s %7s %8s %9s %10s %10s %9s %6s%n", "rate", "achieved", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "errors", "dropped", "fallback", "model p50", "model p99", "load avg",
                "cores");
        for (RateResult r : results) {
            out.printf(Locale.ROOT, "  %6d %9.1f %8.2f %8.2f %8.2f %8.1f %7d %8d %8.1f%% %10.2f %10.2f %9.2f %6.2f%n",
                    r.rate(), r.achievedRps(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.errors(), r.dropped(),
                    r.fallbackShare() * 100, r.modelP50Ms(), r.modelP99Ms(), r.loadAverage(), r.cpuCores());
        }
        for (RateResult r : results) {
            if (!r.fallbackReasons().isEmpty()) {
                out.printf("  fallback reasons at %d rps: %s%n", r.rate(), r.fallbackReasons());
            }
        }
        out.println();
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - startedNanos) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time of the whole process (server and load generator), where the platform reports it. */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
