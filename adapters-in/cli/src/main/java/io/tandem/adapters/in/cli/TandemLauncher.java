package io.tandem.adapters.in.cli;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Starts the platform for a command; bootstrap implements it with the configured adapters. A start that fails on
 * the configuration or on a service it cannot do without throws {@link LaunchFailedException}.
 */
public interface TandemLauncher {

    /**
     * Starts the HTTP server on the configured adapters and returns once it serves.
     *
     * @param profile the configuration profile ({@code production}), overriding {@code TANDEM_PROFILE}
     */
    void serve(PrintStream out, Optional<String> profile);

    /**
     * Prints the effective adapter choices and endpoints (secrets masked), validates them and tries to connect to
     * each configured service, one line each.
     *
     * @param profile as for {@link #serve}
     * @return the exit code: 0 when all is well, {@link LaunchFailedException#INVALID_CONFIGURATION} when a setting
     *         is invalid, {@link LaunchFailedException#START_FAILED} when a service did not answer
     */
    int checkConfiguration(PrintStream out, Optional<String> profile);

    /**
     * Starts the HTTP server on embedded defaults, loads the synthetic demo data set, prints where to look,
     * and blocks until the process is asked to stop.
     */
    void demo(PrintStream out);

    /** Starts the platform on the configured adapters without the HTTP server, for a batch command. */
    TandemSession openSession();
}
