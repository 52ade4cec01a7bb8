package io.tandem.adapters.in.bench;

import io.tandem.application.training.port.in.TrainingReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

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

    private static final int PROBED_USERS = 200;
    /** The most candidates tandem.serving.candidates accepts. */
    private static final int MAX_CANDIDATES = 10_000;

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
            description = "Candidates to rank per request (tandem.serving.candidates): each retriever's list goes "
                    + "deeper than trained until the union holds N distinct items; the number ranked is measured "
                    + "and reported (mean, p50, min). N is also the batch size of the ONNX scoring figure in the "
                    + "stage breakdown (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--hold", defaultValue = "0", paramLabel = "S",
            description = "After the rates, keep the server running S seconds for an outside load generator such as "
                    + "wrk (scripts/bench/wrk.sh); the URL and the user ids are printed (default: ${DEFAULT-VALUE}).")
    int hold;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the data set and of the request order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep-data", description = "Keep the run's Redis keys, Kafka topics and bucket for inspection.")
    boolean keepData;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the per-rate results as a JSON array.")
    Path output;

    @Option(names = "--stages-output", paramLabel = "FILE", description = "Write the stage breakdown as JSON.")
    Path stagesOutput;

    private final BenchLauncher launcher;
    private final PrintStream out;
    private RunProgress progress;

    BenchServeCommand(BenchLauncher launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        BenchAdapters chosen = validated();
        progress = new RunProgress(out);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = properties(chosen, run);
        out.printf("bench serve %s (run %s): %,d items, %,d users, ~%d events per user; rates %s rps, %d s each; "
                        + "dependency timeouts %s; load average %.2f on %d cores%n", adapters, run, items, users,
                eventsPerUser, Arrays.toString(rates), seconds,
                dependencyTimeoutMs == null ? "as configured" : dependencyTimeoutMs + " ms", RateDriver.loadAverage(),
                Runtime.getRuntime().availableProcessors());
        Optional<PostgresSchema> schema = chosen.schema(properties, "tandem_bench_", run);
        schema.ifPresent(created -> progress.line("PostgreSQL schema %s created", created.name()));
        try (BenchServer server = launcher.startServer(properties)) {
            progress.line("Tandem serving on %s", server.url());
            BenchDataSet data = new BenchDataSet(items, users, eventsPerUser, seed, Instant.now());
            TrainingReport report = new ServeSetup(server.platform(), progress, trainMinutes, items, users)
                    .loadAndTrain(data);
            List<String> known = data.usersWithHistory();
            ServedCandidates served = ServedCandidates.probe(server.platform(), probedUsers(known));
            progress.line("the model ranks %.1f candidates per request on average (p50 %d, min %d, max %d; %d "
                            + "features, %,d items known to the model); --candidates asked for %d", served.meanCount(),
                    served.p50Count(), served.minCount(), served.maxCount(), served.featureCount(), report.items(),
                    candidates);
            RateDriver driver = new RateDriver(server.url(), new RateDriver.Plan(rates, seconds, warmup, count,
                    newUsers, timeoutMs, maxInFlight, seed), progress, out);
            List<RateResult> results = driver.drive(known, served, chosen);
            driver.printTable(results);
            write(output, RateResult.toJson(results));
            if (hold > 0) {
                holdFor(server.url(), known);
            }
            if (stageRequests > 0) {
                // Let circuits the load opened close again (tandem.serving.circuit-open-for, 2 s).
                BenchThreads.sleep(Duration.ofSeconds(5));
                progress.line("stage breakdown: %,d requests in-process (load average %.2f)", stageRequests,
                        RateDriver.loadAverage());
                StageBreakdown.Result stages = StageBreakdown.measure(StageBreakdown.Ports.of(server.platform()),
                        served, stageRequests, count, candidates, driver::get);
                StageReport.print(stages, served.meanCount(), out);
                write(stagesOutput, StageReport.toJson(stages, served.meanCount()));
            }
        } finally {
            schema.ifPresent(PostgresSchema::close);
            if (!keepData) {
                new RunData(properties, out).remove();
            }
        }
        if (chosen == BenchAdapters.PRODUCTION && keepData) {
            // Kept for inspection on request: about 100 MB of Redis at 100,000 items.
            out.printf("%s Free Redis with:%n  redis-cli --scan --pattern 'tandem-bench-%s:*' "
                    + "| xargs -r -n 1000 redis-cli unlink%n", chosen.leftBehind(run), run);
        }
        return CommandLine.ExitCode.OK;
    }

    /** Keeps the server up for an outside load generator, saying where it answers and which users it knows. */
    private void holdFor(String url, List<String> known) throws IOException {
        Path users = Files.createTempFile("tandem-bench-users-", ".txt");
        Files.write(users, known, StandardCharsets.UTF_8);
        progress.line("holding the server for %d s at %s (load average %.2f); %,d users with history in %s",
                hold, url, RateDriver.loadAverage(), known.size(), users);
        progress.line("  e.g. TANDEM_USERS_FILE=%s scripts/bench/wrk.sh %s -t1 -c16 -d10s", users, url);
        BenchThreads.sleep(Duration.ofSeconds(hold));
        Files.deleteIfExists(users);
        progress.line("hold over (load average %.2f)", RateDriver.loadAverage());
    }

    /** The adapter set of a fresh run, with the dependency timeouts overridden when asked. */
    private Map<String, Object> properties(BenchAdapters chosen, String run) throws IOException {
        Map<String, Object> properties = chosen.properties(run, Files.createTempDirectory("tandem-bench-" + run));
        properties.put("tandem.serving.candidates", candidates);
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

    private void write(Path file, String json) throws IOException {
        if (file != null) {
            Files.writeString(file, json + System.lineSeparator(), StandardCharsets.UTF_8);
            progress.line("wrote %s", file);
        }
    }

    private BenchAdapters validated() {
        String problem = null;
        if (items < 1 || users < 1 || eventsPerUser < 1 || candidates < 1 || count < 1) {
            problem = "--items, --users, --events-per-user, --candidates and --count must be 1 or more";
        } else if (count > 1_000) {
            problem = "--count must be at most 1000";
        } else if (candidates > MAX_CANDIDATES) {
            problem = "--candidates must be at most " + MAX_CANDIDATES;
        } else if (hold < 0) {
            problem = "--hold must not be negative";
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
        BenchAdapters chosen = BenchAdapters.named(adapters).orElse(null);
        if (problem == null && chosen == null) {
            problem = "--adapters must be production or embedded, not '" + adapters + "'";
        }
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        return chosen;
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
}
