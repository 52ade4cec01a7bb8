package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tandem.adapters.in.cli.LaunchFailedException;
import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.adapters.in.synthetic.SyntheticConfig;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.in.synthetic.SyntheticDatasetGenerator;
import io.tandem.adapters.in.synthetic.SyntheticDemoLoader;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts Micronaut for the command line, on the profile chosen by {@code --profile} or {@code TANDEM_PROFILE}.
 * Every start checks the configuration first ({@link ConfigurationCheck}) and refuses an invalid one, or a database
 * that does not answer, with one line per problem; a failure inside the start itself is turned into one line too
 * ({@link StartupFailures}). Never a stack trace (ADR-0023).
 */
final class MicronautTandemLauncher implements TandemLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(MicronautTandemLauncher.class);
    /**
     * Returns once serving: the HTTP server's threads keep the process alive, and one shutdown hook stops
     * everything on SIGTERM or Ctrl-C.
     */
    @Override
    public void serve(PrintStream out, Optional<String> profileOption) {
        Profile profile = Profile.chosen(profileOption, System::getenv);
        long started = System.nanoTime();
        ApplicationContext context = start(Map.of(), profile, true);
        out.printf(Locale.ROOT, "Tandem serving on %s (profile %s, started in %.1f s)%n", url(context), profile,
                (System.nanoTime() - started) / 1e9);
    }

    @Override
    public int checkConfiguration(PrintStream out, Optional<String> profileOption) {
        Profile profile = Profile.chosen(profileOption, System::getenv);
        ConfigurationCheck check = check(Map.of(), profile);
        out.println("Profile: " + profile);
        out.println("Settings:");
        check.settings().forEach(line -> out.println("  " + line));
        if (!check.problems().isEmpty()) {
            out.println("Invalid:");
            check.problems().forEach(problem -> out.println("  " + problem));
        }
        out.println("Connections:");
        List<ConfigurationCheck.Service> services = check.services();
        List<CompletableFuture<ServiceAttempts.Attempt>> attempts = services.stream()
                .map(ServiceAttempts::attempt).toList();
        boolean answered = true;
        for (CompletableFuture<ServiceAttempts.Attempt> attempt : attempts) {
            ServiceAttempts.Attempt outcome = attempt.join();
            answered &= outcome.answered();
            out.println("  " + outcome.line());
        }
        if (services.isEmpty()) {
            out.println("  (none: the settings above are invalid)");
        }
        if (!check.problems().isEmpty()) {
            return LaunchFailedException.INVALID_CONFIGURATION;
        }
        return answered ? 0 : LaunchFailedException.START_FAILED;
    }

    @Override
    public void demo(PrintStream out) {
        startDemo(out, Map.of());
    }

    @Override
    public TandemSession openSession() {
        return new MicronautSession(start(Map.of(), Profile.chosen(Optional.empty(), System::getenv), false));
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
        // Not ready until the data is loaded and a model serves: held before the HTTP server opens (ADR-0021).
        ApplicationContext context = start(embedded, Profile.EMBEDDED, true,
                started -> started.getBean(ReadinessGate.class).hold("loading the demo data and training"));
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
        if (serving.serving().isPresent()) {
            context.getBean(ReadinessGate.class).release();
        } else {
            out.println("/health/readiness stays DOWN: the demo's model does not serve.");
        }
        out.println("Tandem demo is serving on " + base + ".");
        boolean keys = context.getProperty(ConfigurationCheck.AUTH_ENABLED, Boolean.class).orElse(false);
        out.println("Console: " + base + "/console (traffic, models, jobs and recommendations; "
                + (keys ? "sign in with an API key)" : "open on this machine while API keys are off)"));
        out.println("Try:");
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

    /**
     * Checks the configuration, tries the services (the database must answer; the others are reported and left to
     * the fallback), then starts the context and, with {@code server}, the HTTP server.
     *
     * @throws LaunchFailedException with one line per problem
     */
    static ApplicationContext start(Map<String, Object> properties, Profile profile, boolean server) {
        return start(properties, profile, server, context -> { });
    }

    /** As {@link #start(Map, Profile, boolean)}, with {@code beforeServer} run on the context before HTTP opens. */
    static ApplicationContext start(Map<String, Object> properties, Profile profile, boolean server,
                                    Consumer<ApplicationContext> beforeServer) {
        ConfigurationCheck check = check(properties, profile);
        if (!check.problems().isEmpty()) {
            throw new LaunchFailedException(String.join(System.lineSeparator(), check.problems()),
                    LaunchFailedException.INVALID_CONFIGURATION);
        }
        for (ConfigurationCheck.Service service : check.services()) {
            CompletableFuture<ServiceAttempts.Attempt> attempt = ServiceAttempts.attempt(service);
            if (service.neededToStart()) {
                ServiceAttempts.Attempt outcome = attempt.join();
                if (!outcome.answered()) {
                    throw new LaunchFailedException(outcome.failure(), LaunchFailedException.START_FAILED);
                }
            } else {
                attempt.thenAccept(outcome -> {
                    if (!outcome.answered()) {
                        LOG.warn("{}; serving falls back until it answers", outcome.failure());
                    }
                });
            }
        }
        ApplicationContext context = builder(properties, profile).build();
        try {
            context.start();
            beforeServer.accept(context);
            if (server) {
                Optional<EmbeddedApplication> application = context.findBean(EmbeddedApplication.class);
                if (application.isPresent()) {
                    application.get().start();
                    stopOnShutdown(context, application.get());
                }
            }
            return context;
        } catch (RuntimeException e) {
            LaunchFailedException failure = StartupFailures.explain(e);
            try {
                context.close();
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    /** The configuration the same properties and profile would start with; nothing is started. */
    static ConfigurationCheck check(Map<String, Object> properties, Profile profile) {
        Environment environment = builder(properties, profile).build().getEnvironment();
        environment.start();
        try {
            return ConfigurationCheck.of(environment, profile);
        } finally {
            environment.stop();
        }
    }

    private static Micronaut builder(Map<String, Object> properties, Profile profile) {
        Micronaut micronaut = Micronaut.build(new String[0]).mainClass(Application.class);
        micronaut.deduceEnvironment(false);
        micronaut.banner(false);
        micronaut.properties(properties);
        profile.name().ifPresent(micronaut::environments);
        return micronaut;
    }

    /** One hook, as Micronaut's own start would add: stops the server, then closes the context. */
    private static void stopOnShutdown(ApplicationContext context, EmbeddedApplication<?> application) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (context.isRunning()) {
                try (context) {
                    application.stop();
                }
            }
        }, "tandem-shutdown"));
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

    static String url(ApplicationContext context) {
        return context.findBean(EmbeddedServer.class).map(server -> server.getURL().toString())
                .map(u -> u.replace("://[::1]", "://localhost"))
                .orElse("(no HTTP server)");
    }
}
