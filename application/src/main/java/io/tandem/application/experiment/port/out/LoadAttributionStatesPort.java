package io.tandem.application.experiment.port.out;

import java.util.List;
import java.util.Set;

/** The stored attribution states of some requests, in every generation the store still holds for them. */
@FunctionalInterface
public interface LoadAttributionStatesPort {

    List<AttributionState> loadAttributionStates(Set<String> requestIds);
}
