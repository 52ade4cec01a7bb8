package io.tandem.bootstrap;

import io.tandem.adapters.in.cli.LaunchFailedException;
import io.tandem.domain.InvalidFieldException;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns whatever stopped a start (Micronaut wraps it in bean-instantiation and dependency-injection exceptions,
 * several levels deep, with the bean path in the message) into the one line a user needs: the refused setting with
 * its environment variable, or else the innermost cause.
 */
final class StartupFailures {

    private StartupFailures() {
    }

    static LaunchFailedException explain(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof LaunchFailedException launch) {
                return launch;
            }
            if (cause instanceof InvalidSettingException invalid) {
                return new LaunchFailedException(invalid.getMessage(), LaunchFailedException.INVALID_CONFIGURATION);
            }
            // The configuration records' own rules name the property as the field.
            if (cause instanceof InvalidFieldException field && isProperty(field.field())) {
                return new LaunchFailedException(Setting.of(field.field()).problem(field.reason()),
                        LaunchFailedException.INVALID_CONFIGURATION);
            }
            innermost = cause;
        }
        String message = innermost.getMessage() == null || innermost.getMessage().isBlank()
                ? innermost.getClass().getSimpleName() : innermost.getMessage().strip().lines().findFirst().orElse("");
        return new LaunchFailedException("Tandem did not start: " + message, LaunchFailedException.START_FAILED);
    }

    private static boolean isProperty(String field) {
        return field.startsWith("tandem.") || field.startsWith("datasources.") || field.startsWith("micronaut.");
    }
}
