package io.tandem.adapters.in.cli;

import java.util.Objects;

/**
 * The platform could not start, for a reason the user can fix: the message is what the command prints, one line
 * per problem, naming the property and its environment variable, never a stack trace.
 */
public final class LaunchFailedException extends RuntimeException {

    /** Exit code of a configuration the platform refuses: a missing, unknown or malformed setting. */
    public static final int INVALID_CONFIGURATION = 2;
    /** Exit code of a start that failed with a valid configuration: a required service does not answer. */
    public static final int START_FAILED = 1;

    private final int exitCode;

    public LaunchFailedException(String message, int exitCode) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (exitCode <= 0) {
            throw new IllegalArgumentException("exitCode must be positive, was " + exitCode);
        }
        this.exitCode = exitCode;
    }

    /** What the process exits with. */
    public int exitCode() {
        return exitCode;
    }
}
