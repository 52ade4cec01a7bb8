package io.tandem.adapters.in.cli;

import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.jobs.JobProgress;
import io.tandem.domain.model.ModelVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tandem train}: one training run on the configured lake and registry, with progress and the outcome. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {
            "Train on the lake, measure on a later hold-out, register, and promote if the new version wins.",
            "Trains the two-stage system (retrievers, then a LambdaMART ranker) on the lake's events before a time "
                    + "cut, measures it on the later hold-out window it never saw, exports the ranker to ONNX, "
                    + "stores it in the artifact store and registers the version. It becomes champion when there "
                    + "is none, or when its "
                    + "promotion metric beats the champion's on the same hold-out by more than the margin "
                    + "(tandem.training.promotion.metric and .margin); a champion measured on another hold-out is "
                    + "measured on this one first.",
            "A version that will become champion is then refit on the whole window, hold-out included, with the "
                    + "same settings; it keeps its hold-out metrics and its metadata says refit: true. The "
                    + "popularity half-life is chosen on the hold-out among tandem.training.popularity-half-lives.",
            "Events with a positive label weight (tandem.features.label-weights) count as interactions: clicks, "
                    + "views, likes, carts, purchases and ratings above 2.5."
        })
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandSpec spec;

    @Option(names = "--model", defaultValue = TrainModelsCommand.DEFAULT_MODEL, paramLabel = "NAME",
            description = "The model name in the registry (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--holdout-days", paramLabel = "N",
            description = "Hold out the last N days before the latest interaction.")
    private Integer holdoutDays;

    @Option(names = "--holdout-share", paramLabel = "F",
            description = "Hold out the latest share F (0 < F < 1) of the interactions (default: 0.1).")
    private Double holdoutShare;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First event date read (default: all).")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last event date read (default: all).")
    private LocalDate to;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the ranker's sampling and training (default: ${DEFAULT-VALUE}).")
    private long seed;

    private final TandemLauncher launcher;
    private final PrintStream out;

    TrainCommand(TandemLauncher launcher, PrintStream out) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public Integer call() {
        if (holdoutDays != null && holdoutShare != null) {
            return fail(ExitCode.USAGE, "use --holdout-days or --holdout-share, not both");
        }
        TrainModelsCommand command;
        try {
            HoldOutWindow holdOut = holdoutDays != null ? HoldOutWindow.lastDays(holdoutDays)
                    : HoldOutWindow.latestShare(holdoutShare != null ? holdoutShare : 0.1);
            command = new TrainModelsCommand(model, from != null ? from : TrainModelsCommand.EARLIEST,
                    to != null ? to : TrainModelsCommand.LATEST, holdOut, seed, progress());
        } catch (InvalidFieldException e) {
            return fail(ExitCode.USAGE, e.getMessage());
        }
        out.printf("Training %s on the lake (%s), holding out %s%n", command.model(),
                from == null && to == null ? "every date" : command.from() + " to " + command.to(),
                command.holdOut().describe());
        long started = System.nanoTime();
        TrainingReport report;
        try (TandemSession session = launcher.openSession()) {
            report = session.useCases().trainModels().train(command);
        } catch (InvalidFieldException e) {
            return fail(ExitCode.SOFTWARE, e.getMessage());
        }
        print(report);
        out.printf(Locale.ROOT, "Done in %.1f s wall (training run %.1f s).%n", (System.nanoTime() - started) / 1e9,
                report.seconds());
        return ExitCode.OK;
    }

    /** One line per step; the lake-reading count repeats its step with a growing number, which is the point. */
    private JobProgress progress() {
        return new JobProgress() {
            private String last = "";

            @Override
            public void report(double fraction, String step) {
                if (!step.equals(last) && fraction < 1.0) {
                    out.printf(Locale.ROOT, "  [%3.0f%%] %s%n", fraction * 100, step);
                    last = step;
                }
            }
        };
    }

    private void print(TrainingReport report) {
        ModelVersion version = report.version();
        out.printf(Locale.ROOT, "Read %,d events: %,d users and %,d items; %,d interactions before the cut train, "
                        + "%,d after it are held out (%,d users measured).%n", report.eventsRead(), report.users(),
                report.items(), report.trainingRows(), report.holdOutRows(), report.evaluatedUsers());
        out.printf("Registered %s %s, artifact %s%n", version.name(), version.version(), version.artifactUri());
        out.printf("  trained on %s .. %s; measured on hold-out %s%n", version.trainingWindow().from(),
                version.trainingWindow().to(), version.metrics().holdOut());
        Optional<TrainingReport.ChampionMetrics> champion = report.champion();
        out.printf("  %-12s %12s%s%n", "metric", "this version", champion.map(c -> String.format("   champion %s%s",
                c.version(), c.remeasured() ? " (measured now)" : "")).orElse(""));
        for (Map.Entry<String, Double> metric : version.metrics().values().entrySet()) {
            String championValue = champion.map(c -> c.metrics().values().get(metric.getKey()))
                    .map(v -> String.format(Locale.ROOT, "   %.4f", v)).orElse("");
            out.printf(Locale.ROOT, "  %-12s %12.4f%s%n", metric.getKey(), metric.getValue(), championValue);
        }
        out.println((report.promoted() ? "Champion now: " : "Stays a candidate: ")
                + report.promotion().decision().reason());
    }

    private int fail(int exitCode, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return exitCode;
    }
}
