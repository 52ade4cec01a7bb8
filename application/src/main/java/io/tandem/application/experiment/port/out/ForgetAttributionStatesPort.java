package io.tandem.application.experiment.port.out;

import java.time.Instant;

/** Drops the attribution states kept until before {@code now}; what they added stays in the cells. */
@FunctionalInterface
public interface ForgetAttributionStatesPort {

    int forgetAttributionStates(Instant now);
}
