package io.tandem.bootstrap;

import io.tandem.adapters.in.cli.TandemCommand;

/** Entry point of the {@code tandem} jar: the command line decides what runs. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        int exitCode = TandemCommand.commandLine(new MicronautTandemLauncher(), System.out).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
