package io.tandem.adapters.in.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/** {@code tandem bench}: the benchmark commands. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: serve (recommendation latency), ingest (events into the lake), quality (a split "
                + "replayed through the API, served quality beside offline), experiment (A/B test against "
                + "interleaving in simulation).")
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The bench command with its subcommands, for bootstrap to add under {@code tandem}. */
    public static CommandLine commandLine(BenchLauncher launcher, PrintStream out) {
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.addSubcommand("serve", new BenchServeCommand(launcher, out));
        bench.addSubcommand("ingest", new BenchIngestCommand(launcher, out));
        bench.addSubcommand("quality", new BenchQualityCommand(launcher, out));
        bench.addSubcommand("experiment", new BenchExperimentCommand(out));
        bench.addSubcommand("train", new BenchTrainCommand(launcher, out));
        return bench;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
