package io.tandem.adapters.in.bench;

import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsQuery;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.catalog.Item;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code tandem bench train}: generates a data set at the skew of real logs ({@link BenchTrainDataSet}), loads it
 * through the ingest use cases on the embedded adapters, waits until the lake holds it, and runs one training run
 * with {@link TrainModelsUseCase} as a train job would, printing its progress stage by stage. The result: wall and
 * CPU time per stage, the heap (pool peaks and the largest occupancy left by a collection) and the version's
 * hold-out metrics, as a table and as JSON.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training at scale: generate N events by U users on I items (long-tail popularity, sessions, "
                + "items with lifetimes), load them on the embedded adapters, train once and report time per "
                + "stage, CPU, heap and the model's hold-out metrics. The heap is the JVM's: TANDEM_JAVA_OPTS=-Xmx4g.")
final class BenchTrainCommand implements Callable<Integer> {

    private static final Duration LAKE_PATIENCE = Duration.ofMinutes(20);
    private static final int EVENT_BATCH = RecordEventsCommand.MAX_EVENTS;

    @CommandLine.Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N",
            description = "Events to generate, about (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--items", defaultValue = "20000", paramLabel = "I", description = "Items (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--users", defaultValue = "100000", paramLabel = "U", description = "Users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed of the data set and of the training run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A Tandem setting for the run, repeatable, e.g. --set tandem.training.evaluation.max-users=0")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--output", paramLabel = "FILE", description = "Write the result as JSON.")
    Path output;

    private final BenchLauncher launcher;
    private final PrintStream out;
    private long startedNanos;

    BenchTrainCommand(BenchLauncher launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        startedNanos = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path scratch = Files.createTempDirectory("tandem-bench-train-" + run);
        Map<String, Object> properties = BenchAdapters.EMBEDDED.properties(run, scratch);
        properties.putAll(settings);
        properties.put("tandem.training.seed", Long.toString(seed));
        out.printf(Locale.ROOT, "bench train (run %s): ~%,d events, %,d items, %,d users, seed %d; heap limit %,d MB; "
                        + "load average %.2f on %d cores; scratch %s%n", run, events, items, users, seed,
                BenchTrainStages.maxHeapMb(), loadAverage(), Runtime.getRuntime().availableProcessors(), scratch);
        try (BenchServer server = launcher.startServer(properties)) {
            // The data set ends at the start of the day, so that runs on the same day train on identical data.
            BenchTrainDataSet data = new BenchTrainDataSet(items, users, events, seed,
                    Instant.now().truncatedTo(ChronoUnit.DAYS));
            long loadStarted = System.nanoTime();
            long accepted = load(server, data);
            awaitLake(server.platform().readArchivedEvents(), accepted);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            BenchTrainResult result = train(server, data, loadSeconds);
            result.print(out);
            if (output != null) {
                Files.writeString(output, result.toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
                progress("wrote %s", output);
            }
        }
        return CommandLine.ExitCode.OK;
    }

    private void validate() {
        if (events < 1 || items < 1 || users < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--events, --items and --users must be 1 or more");
        }
        if (events < users) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--events must be at least --users: every user has one event or more");
        }
        for (String key : settings.keySet()) {
            if (!key.startsWith("tandem.")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--set " + key + ": only tandem.* settings can be set");
            }
        }
    }

    /** The catalogue, then the events, through the same use cases as the HTTP API; returns the events accepted. */
    private long load(BenchServer server, BenchTrainDataSet data) {
        List<Item> catalogue = data.items();
        UpsertItemsUseCase upsertItems = server.platform().upsertItems();
        for (int from = 0; from < catalogue.size(); from += UpsertItemsCommand.MAX_ITEMS) {
            upsertItems.upsert(new UpsertItemsCommand(catalogue.subList(from,
                    Math.min(catalogue.size(), from + UpsertItemsCommand.MAX_ITEMS))));
        }
        progress("catalogue loaded: %,d items", catalogue.size());
        RecordEventsUseCase record = server.platform().recordEvents();
        long[] totals = new long[2];
        long started = System.nanoTime();
        data.events(EVENT_BATCH, batch -> {
            IngestionReport report = ServeSetup.recordPatiently(record, batch);
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException("generated events were refused: " + report.rejected().get(0));
            }
            totals[0] += batch.size();
            totals[1] += report.accepted();
            if (totals[0] % 500_000 < EVENT_BATCH) {
                progress("  events %,d sent (%,.0f events/s)", totals[0],
                        totals[0] / ((System.nanoTime() - started) / 1e9));
            }
        });
        progress("events loaded: %,d sent (%,d clicks), %,d accepted", data.eventCount(), data.clickCount(),
                totals[1]);
        return totals[1];
    }

    private void awaitLake(ReadArchivedEventsUseCase lake, long accepted) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReadArchivedEventsQuery query = new ReadArchivedEventsQuery(
                today.minusDays(BenchTrainDataSet.SPAN.toDays() + 2), today.plusDays(1));
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

    /** One training run, as a train job runs it, with its stages, CPU and heap measured. */
    private BenchTrainResult train(BenchServer server, BenchTrainDataSet data, double loadSeconds) {
        System.gc();
        double loadBefore = loadAverage();
        BenchTrainStages stages = new BenchTrainStages(out);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tandem-bench-heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(stages::sample, 0, 100, TimeUnit.MILLISECONDS);
        TrainModelsCommand command = TrainModelsCommand.wholeLake(server.platform().servedModel(),
                HoldOutWindow.latestShare(0.1), seed).withProgress(stages);
        progress("training %s on the lake (hold-out: the latest 10%% of interactions; load average %.2f)",
                command.model(), loadBefore);
        TrainingReport report;
        try {
            report = server.platform().trainModels().train(command);
        } finally {
            stages.finish();
            sampler.shutdownNow();
        }
        progress("trained in %.1f s: %s", stages.wallSeconds(), report.summary());
        return new BenchTrainResult(events, items, users, seed, data.eventCount(), loadSeconds, report, stages,
                BenchTrainStages.peakHeapMb(), stages.maxLiveAfterGcMb(), BenchTrainStages.maxHeapMb(),
                stages.gcCountSinceStart(), stages.gcSecondsSinceStart(), loadBefore, loadAverage());
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - startedNanos) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
