package io.tandem.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One connection attempt per configured service, as {@code config check} prints it and as a start needs it: each
 * on a daemon thread, bounded even when the service accepts and stays mute, its failure one line naming the setting.
 */
final class ServiceAttempts {

    /** Connection attempts run on daemon threads, so a short command never waits for one to end. */
    private static final Executor ATTEMPTS = task -> {
        Thread thread = new Thread(task, "tandem-connection-check");
        thread.setDaemon(true);
        thread.start();
    };

    /** Whether a service answered, as the line {@code config check} prints. */
    record Attempt(boolean answered, String line, String failure) {
    }

    static CompletableFuture<Attempt> attempt(ConfigurationCheck.Service service) {
        if (service.attempt().isEmpty()) {
            return CompletableFuture.completedFuture(new Attempt(true, "-     " + service.name() + " at "
                    + service.location() + ": embedded, nothing to reach", ""));
        }
        // Each attempt has its own timeouts; this bounds one that ignores them (a server that accepts and stays mute).
        long bound = 2 * ConfigurationCheck.CONNECT_TIMEOUT.toMillis();
        return CompletableFuture.supplyAsync(() -> {
            try {
                String answer = service.attempt().get().call();
                return new Attempt(true, "ok    " + service.name() + " at " + service.location() + ": " + answer, "");
            } catch (Exception e) {
                return failed(service, reason(e));
            }
        }, ATTEMPTS).completeOnTimeout(failed(service, "no answer within " + bound + " ms"), bound,
                TimeUnit.MILLISECONDS);
    }

    private static Attempt failed(ConfigurationCheck.Service service, String reason) {
        String failure = service.setting().problem("cannot connect to " + service.name() + " at " + service.location()
                + ": " + reason);
        return new Attempt(false, "FAIL  " + failure, failure);
    }

    /** The exception's message, with the innermost cause's when that one says more. */
    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String outer = firstLine(failure);
        if (innermost == failure || innermost.getMessage() == null || outer.contains(firstLine(innermost))) {
            return outer;
        }
        return outer + " (" + firstLine(innermost) + ")";
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName()
                : message.strip().lines().findFirst().orElse("");
    }
}
