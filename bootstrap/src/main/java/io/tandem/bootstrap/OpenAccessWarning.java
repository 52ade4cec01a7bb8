package io.tandem.bootstrap;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly, when the HTTP server starts with API keys off, that this instance trusts every caller on its machine
 * (ADR-0027). Production never gets here: it refuses to start with keys off ({@link ConfigurationCheck}).
 */
@Singleton
final class OpenAccessWarning {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAccessWarning.class);
    static final String MESSAGE = "API KEYS ARE OFF (" + ConfigurationCheck.AUTH_ENABLED + "=false): every caller on "
            + "this machine may write events, delete items and promote models; callers from other machines are "
            + "refused. Before exposing this instance set " + ConfigurationCheck.AUTH_ENABLED + "=true and create "
            + "keys with `tandem keys create`.";

    private final AccessConfiguration access;

    OpenAccessWarning(AccessConfiguration access) {
        this.access = access;
    }

    @EventListener
    void onStart(ServerStartupEvent event) {
        if (!access.enabled()) {
            LOG.warn("{}", "*".repeat(20));
            LOG.warn(MESSAGE);
            LOG.warn("{}", "*".repeat(20));
        }
    }
}
