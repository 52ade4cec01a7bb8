package io.tandem.adapters.in.cli.experiments;

import io.tandem.adapters.in.cli.CommandGroup;
import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.application.experiment.port.in.CreateExperimentCommand;
import io.tandem.application.experiment.port.in.DecideExperimentCommand;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsCommand;
import io.tandem.application.experiment.port.in.RecomputedMetrics;
import io.tandem.application.experiment.port.in.ShowExperimentQuery;
import io.tandem.application.experiment.port.in.StartExperimentCommand;
import io.tandem.application.experiment.port.in.StopExperimentCommand;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.ExperimentConflictException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code tandem experiments create|list|show|start|stop|decide|recompute}: experiments in the configured store
 * (ADR-0024), on the profile of {@code TANDEM_PROFILE}. Input the domain refuses exits with a usage error naming the
 * field; a state that refuses the step (an overlapping experiment running, a stopped one stopped again, recomputing
 * a draft) or an unknown name exits 1.
 */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = "Create, list, show (with the read-out), start, stop and decide experiments, and recompute "
                + "their online metrics from the lake.")
public final class ExperimentsCommand extends CommandGroup {


    /** The experiments command with its subcommands. */
    public static CommandLine commandLine(TandemLauncher launcher, PrintStream out) {
        CommandLine commandLine = new CommandLine(new ExperimentsCommand());
        commandLine.addSubcommand("create", new CreateCommand(launcher, out));
        commandLine.addSubcommand("list", new ListCommand(launcher, out));
        commandLine.addSubcommand("show", named(launcher, out, "Show an experiment with its read-out: figures with "
                + "intervals per variant and day, the sample-ratio check and each challenger's decision against the "
                + "first variant. Reading a running experiment is a look at its sequential test.",
                (session, name) -> session.useCases().showExperiment().show(new ShowExperimentQuery(name))));
        commandLine.addSubcommand("start", named(launcher, out, "Start a draft now; refused while another experiment "
                + "runs on an overlapping surface.", (session, name) -> session.useCases().startExperiment()
                .start(new StartExperimentCommand(name))));
        commandLine.addSubcommand("stop", named(launcher, out, "Stop a running experiment now, for good.",
                (session, name) -> session.useCases().stopExperiment().stop(new StopExperimentCommand(name))));
        commandLine.addSubcommand("decide", named(launcher, out, "Decide now from the read-out: a challenger that "
                + "wins at the configured confidence, keeps the guardrails and passed its offline gate is promoted; a "
                + "win without the gate, a loss or a stop is recorded without promotion, with its evidence, beside "
                + "the version. The experiment stops once every challenger serving a version is decided; deciding "
                + "again changes nothing.", (session, name) -> session.useCases().decideExperiment()
                .decide(new DecideExperimentCommand(name))));
        commandLine.addSubcommand("recompute", named(launcher, out, "Rebuild an experiment's online metrics from the "
                + "lake: its served lists and the events quoting them, replayed as live attribution does, replacing "
                + "the stored cells (ADR-0026).", (session, name) -> session.useCases().recomputeOnlineMetrics()
                .recompute(new RecomputeOnlineMetricsCommand(name))));
        return commandLine;
    }

    private static CommandLine named(TandemLauncher launcher, PrintStream out, String description,
                                     BiFunction<TandemSession, String, Optional<?>> step) {
        CommandLine named = new CommandLine(new NamedCommand(launcher, out, step));
        named.getCommandSpec().usageMessage().description(description);
        return named;
    }

    /** What every subcommand shares: where it prints, how it opens a session, and how it fails. */
    abstract static class Subcommand implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        private final TandemLauncher launcher;
        final PrintStream out;

        Subcommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = Objects.requireNonNull(launcher, "launcher");
            this.out = Objects.requireNonNull(out, "out");
        }

        int fail(int exitCode, String message) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
            return exitCode;
        }

        /** Runs {@code work} in a session; a refusal of the domain or of the experiments' state is an exit code. */
        int inSession(Function<TandemSession, Integer> work) {
            try (TandemSession session = launcher.openSession()) {
                return work.apply(session);
            } catch (InvalidFieldException e) {
                return fail(ExitCode.USAGE, e.getMessage());
            } catch (ExperimentConflictException e) {
                return fail(ExitCode.SOFTWARE, e.field() + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {
                "Create a draft experiment. Each --variant is NAME:SHARE:MODEL, MODEL being champion, fallback (the "
                        + "rule-based fallback) or a registered MODEL-NAME/VERSION; the shares sum to 1 and the "
                        + "first variant is the control.",
                "Example: tandem experiments create ab-1 --variant a:0.5:champion --variant b:0.5:two-stage/v4",
                "With --design interleaving every user sees one list drafted from exactly two variants, given as "
                        + "NAME:MODEL (or NAME:0.5:MODEL): tandem experiments create il-1 --design interleaving "
                        + "--variant a:champion --variant b:two-stage/v4"
            })
    static final class CreateCommand extends Subcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The experiment's name: lower-case letters, "
                + "digits, '.', '-' or '_'.")
        private String name;

        @Option(names = "--variant", required = true, paramLabel = "NAME:SHARE:MODEL",
                description = "A variant; give 2 to 20.")
        private List<String> variants;

        @Option(names = "--salt", paramLabel = "SALT", description = "The assignment hash's salt (default: the name).")
        private String salt;

        @Option(names = "--surface", paramLabel = "SURFACE", description = "The surface it covers (default: every).")
        private String surface;

        @Option(names = "--holdout", paramLabel = "SHARE", description = "The share of users kept out, in (0, 1).")
        private Double holdout;

        @Option(names = "--design", paramLabel = "DESIGN", defaultValue = "ab",
                description = "ab (each user sees one variant, the default) or interleaving (one list drafted from "
                        + "two variants; no holdout).")
        private String design;

        @Option(names = "--auto-promote", description = "Let the periodic check promote a winning challenger's "
                + "version on its own (a challenger must serve a version).")
        private boolean autoPromote;

        CreateCommand(TandemLauncher launcher, PrintStream out) {
            super(launcher, out);
        }

        @Override
        public Integer call() {
            CreateExperimentCommand command;
            try {
                ExperimentDesign chosen = ExperimentDesign.fromWireName("--design", design);
                command = new CreateExperimentCommand(name, Optional.ofNullable(salt), Optional.ofNullable(surface),
                        variants.stream().map(text -> VariantOption.parse(text, chosen)).toList(),
                        holdout == null ? OptionalDouble.empty() : OptionalDouble.of(holdout), autoPromote, chosen);
            } catch (InvalidFieldException e) {
                return fail(ExitCode.USAGE, e.getMessage());
            }
            return inSession(session -> {
                Experiment created = session.useCases().createExperiment().create(command);
                out.println(ExperimentText.line(created));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every experiment, drafts and stopped ones too, oldest first.")
    static final class ListCommand extends Subcommand {

        ListCommand(TandemLauncher launcher, PrintStream out) {
            super(launcher, out);
        }

        @Override
        public Integer call() {
            return inSession(session -> {
                List<Experiment> experiments = session.useCases().listExperiments().list();
                experiments.forEach(experiment -> out.println(ExperimentText.line(experiment)));
                if (experiments.isEmpty()) {
                    out.println("(no experiments; create one with: tandem experiments create ab-1 "
                            + "--variant a:0.5:champion --variant b:0.5:fallback)");
                }
                return ExitCode.OK;
            });
        }
    }

    /** {@code show}, {@code start}, {@code stop}, {@code decide}, {@code recompute}: one step on one experiment. */
    @Command(mixinStandardHelpOptions = true)
    static final class NamedCommand extends Subcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The experiment's exact name.")
        private String name;

        private final BiFunction<TandemSession, String, Optional<?>> step;

        NamedCommand(TandemLauncher launcher, PrintStream out, BiFunction<TandemSession, String, Optional<?>> step) {
            super(launcher, out);
            this.step = Objects.requireNonNull(step, "step");
        }

        @Override
        public Integer call() {
            try {
                new ShowExperimentQuery(name);
            } catch (InvalidFieldException e) {
                return fail(ExitCode.USAGE, e.getMessage());
            }
            return inSession(session -> {
                Optional<?> done = step.apply(session, name);
                if (done.isEmpty()) {
                    return fail(ExitCode.SOFTWARE, "no experiment '" + name + "'");
                }
                if (done.get() instanceof ExperimentReport report) {
                    ExperimentText.print(out, report);
                } else if (done.get() instanceof ExperimentDecisions decisions) {
                    ExperimentText.print(out, decisions);
                } else if (done.get() instanceof RecomputedMetrics recomputed) {
                    out.println(ExperimentText.line(recomputed));
                } else {
                    out.println(ExperimentText.line((Experiment) done.get()));
                }
                return ExitCode.OK;
            });
        }
    }
}
