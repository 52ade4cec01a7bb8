package io.tandem.application.training.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * A retriever whose evidence fades with age, such as time-decayed popularity: given a half-life (none: nothing
 * fades), the retriever to train. Training picks the half-life on each run's hold-out (ADR-0022).
 */
@FunctionalInterface
public interface TrainDecayingRetrieverPort {

    /** @param halfLife how old an interaction is when it counts half; empty for plain counts */
    TrainRetrieverPort withHalfLife(Optional<Duration> halfLife);
}
