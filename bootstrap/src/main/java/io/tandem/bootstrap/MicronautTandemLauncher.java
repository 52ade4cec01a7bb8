package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.port.in.ServingModelStatus;
import io.tandem.application.port.in.TrainModelsUseCase;
import io.tandem.application.port.in.TrainingReport;
import io.tandem.application.service.ServingModels;
import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemServer;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.adapters.in.synthetic.SyntheticConfig;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.in.synthetic.SyntheticDatasetGenerator;
import io.tandem.adapters.in.synthetic.SyntheticDemoLoader;
import io.tandem.application.port.in.RecordEventsUseCase;
import io.tandem.application.port.in.UpsertItemsUseCase;
import io.tandem.application.port.in.UpsertUsersUseCase;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Starts Micronaut for the command line; {@code TANDEM_PROFILE} picks the Micronaut environment. */
final class MicronautTandemLauncher implements TandemLauncher {

    static final String PROFILE_VARIABLE = "TANDEM_PROFILE";

    /**
     * Returns once serving: the HTTP server's threads keep the process alive, and Micronaut's own shutdown
     * hook stops everything on SIGTERM or Ctrl-C. (A second hook of ours deadlocked with it.)
     */
    @Override
    public void serve(PrintStream out) {
        ApplicationContext context = start(Map.of(), profile());
        out.println("Tandem serving on " + url(context));
    }

    @Override
    public void demo(PrintStream out) {
        startDemo(out, Map.of());
    }

    @Override
    public TandemSession openSession() {
        // A plain application context: Micronaut.start() would also start the HTTP server.
        ApplicationContextBuilder builder = ApplicationContext.builder().deduceEnvironment(false).banner(false);
        profile().ifPresent(builder::environments);
        ApplicationContext context = builder.start();
        return new TandemSession() {
            @Override
            public <T> T useCase(Class<T> type) {
                return context.getBean(type);
            }

            @Override
            public void close() {
                context.close();
            }
        };
    }

    @Override
    public TandemServer startServer(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.putIfAbsent("micronaut.server.port", -1);
        ApplicationContext context = start(all, Optional.empty());
        String url = url(context);
        return new TandemServer() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public <T> T useCase(Class<T> type) {
                return context.getBean(type);
            }

            @Override
            public void close() {
                context.close();
            }
        };
    }

    /**
     * Starts on embedded defaults, loads the demo data, prints the URLs to try; returns the running context.
     *
     * @param overrides extra properties, such as another HTTP port
     */
    ApplicationContext startDemo(PrintStream out, Map<String, Object> overrides) {
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("tandem.online-store", "memory");
        embedded.put("tandem.event-ids", "memory");
        embedded.put("tandem.event-log", "local");
        embedded.put("tandem.lake.store", "filesystem");
        // Each demo starts from a clean slate, so it always shows the same data.
        Path demoState = Path.of(".tandem", "demo");
        deleteRecursively(demoState);
        embedded.put("tandem.local-log.path", demoState.resolve("events").toString());
        embedded.put("tandem.lake.path", demoState.resolve("lake").toString());
        embedded.put("tandem.catalog", "jdbc");
        embedded.put("datasources.default.url", "jdbc:h2:file:./" + demoState.resolve("db/tandem")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        embedded.putAll(overrides);
        ApplicationContext context = start(embedded, Optional.empty());
        SyntheticDataset dataset = SyntheticDatasetGenerator.generate(SyntheticConfig.demo(Instant.now()));
        out.printf("Loading the synthetic demo data: %,d users, %,d items, %,d events%n",
                dataset.users().size(), dataset.items().size(), dataset.events().size());
        SyntheticDemoLoader loader = new SyntheticDemoLoader(context.getBean(UpsertItemsUseCase.class),
                context.getBean(UpsertUsersUseCase.class), context.getBean(RecordEventsUseCase.class));
        int total = dataset.events().size();
        long accepted = loader.load(dataset, done -> out.printf("  events %,d / %,d (%d%%)%n", done, total,
                done * 100 / total));
        String base = url(context);
        String user = dataset.users().get(0).id().value();
        out.printf("Loaded %,d events.%n", accepted);
        try {
            context.getBean(LocalLogArchiver.class).drain();
        } catch (Exception e) {
            throw new IllegalStateException("the demo events did not reach the lake: " + e.getMessage(), e);
        }
        out.println("Training the two-stage model on the lake (retrievers, LambdaMART ranker, ONNX export)...");
        TrainingReport report = context.getBean(TrainModelsUseCase.class)
                .train(context.getBean(TrainingConfiguration.class).command());
        out.println(report.summary());
        ServingModelStatus serving = context.getBean(ServingModels.class).refresh();
        context.getBean(RuleBasedFallbackAdapter.class).refresh();
        out.printf("Serving %s.%n%n", serving.serving().map(m -> m.name() + " " + m.version())
                .orElse("the rule-based fallback (" + serving.problem().orElse("no champion") + ")"));
        out.println("Tandem demo is serving on " + base + ". Try:");
        out.println("  curl '" + base + "/v1/users/" + user + "/recommendations?count=10'");
        out.println("  curl '" + base + "/v1/users/" + user + "/recommendations?count=5&category=comedy'");
        out.println("  curl -X POST " + base + "/v1/events -H 'Content-Type: application/json' \\");
        out.println("       -d '[{\"type\":\"click\",\"userId\":\"" + user + "\",\"itemId\":\"i00007\"}]'");
        out.println("  curl '" + base + "/v1/users/" + user + "/recommendations?count=3&explain=true'");
        out.println("  curl '" + base + "/v1/items/i00007/similar?count=5'");
        out.println("  curl " + base + "/v1/models/two-stage/versions");
        out.println("  curl " + base + "/prometheus");
        out.println("  curl " + base + "/health/readiness");
        out.println("Stop with Ctrl-C.");
        return context;
    }

    static ApplicationContext start(Map<String, Object> properties, Optional<String> profile) {
        Micronaut micronaut = Micronaut.build(new String[0]).mainClass(Application.class);
        micronaut.deduceEnvironment(false);
        micronaut.banner(false);
        micronaut.properties(properties);
        profile.ifPresent(micronaut::environments);
        return micronaut.start();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the demo state in " + folder, e);
        }
    }

    private static Optional<String> profile() {
        return Optional.ofNullable(System.getenv(PROFILE_VARIABLE)).map(String::strip).filter(p -> !p.isEmpty());
    }

    private static String url(ApplicationContext context) {
        return context.findBean(EmbeddedServer.class).map(server -> server.getURL().toString())
                .map(u -> u.replace("://[::1]", "://localhost"))
                .orElse("(no HTTP server)");
    }
}
