package io.tandem.application.access.port.in;

import io.tandem.domain.access.Principal;
import io.tandem.domain.access.Scope;

import java.time.Duration;

/**
 * Counts a request of {@code principal} against its token bucket for the route class (ADR-0027): zero when it may
 * go on, otherwise how long until it may try again.
 */
@FunctionalInterface
public interface ThrottleRequestsUseCase {

    Duration admit(Principal principal, Scope routeClass);
}
