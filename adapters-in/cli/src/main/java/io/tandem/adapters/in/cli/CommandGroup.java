package io.tandem.adapters.in.cli;

import picocli.CommandLine;

/** A command that only groups subcommands ({@code tandem}, {@code tandem keys}, ...): alone, it prints its usage. */
public abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public final void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
