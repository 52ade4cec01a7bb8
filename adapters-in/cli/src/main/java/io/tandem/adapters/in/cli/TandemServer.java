package io.tandem.adapters.in.cli;

/** A running platform with its HTTP server, started by a command (benchmarks) rather than by a user. */
public interface TandemServer extends TandemSession {

    /** Where the HTTP API answers, for example {@code http://localhost:41234}. */
    String url();
}
