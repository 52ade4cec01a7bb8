package io.tandem.adapters.in.cli;

import java.io.PrintStream;

/** Starts the platform for a command; bootstrap implements it with the configured adapters. */
public interface TandemLauncher {

    /** Starts the HTTP server on the configured adapters and blocks until the process is asked to stop. */
    void serve(PrintStream out);

    /**
     * Starts the HTTP server on embedded defaults, loads the synthetic demo data set, prints where to look,
     * and blocks until the process is asked to stop.
     */
    void demo(PrintStream out);

    /** Starts the platform on the configured adapters without the HTTP server, for a batch command. */
    TandemSession openSession();

    /**
     * Starts the platform with its HTTP server on a free port, configured by {@code properties} on top of the
     * defaults (adapter choices, endpoints, topic names), for commands that drive it over HTTP.
     */
    TandemServer startServer(java.util.Map<String, Object> properties);
}
