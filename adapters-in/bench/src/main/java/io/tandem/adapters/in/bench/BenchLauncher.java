package io.tandem.adapters.in.bench;

import java.util.Map;

/** Starts a Tandem for one benchmark run; bootstrap implements it with the adapters the run names. */
@FunctionalInterface
public interface BenchLauncher {

    /**
     * Starts the platform with its HTTP server on a free port, configured by {@code properties} on top of the
     * defaults (adapter choices, endpoints, topic names).
     */
    BenchServer startServer(Map<String, Object> properties);
}
