package io.tandem.application.serving;

import io.tandem.application.experiment.port.in.AssignVariantUseCase;
import io.tandem.application.experiment.port.out.RecordServedListPort;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the request path needs of the experiments (ADRs 0024, 0026): the assignment of a request's user to the
 * variant of the experiment running on its surface, the store that keeps each list served inside an experiment for
 * its follow-ups, and the clock that dates it.
 */
public record ServingExperiments(AssignVariantUseCase assignments, RecordServedListPort servedLists, Clock clock) {

    /** No experiment ever applies, so no list is ever recorded. */
    public static final ServingExperiments NONE = new ServingExperiments(query -> Optional.empty(),
            list -> {
                throw new IllegalStateException("no experiment applies, so no served list is recorded");
            }, Clock.systemUTC());

    public ServingExperiments {
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(servedLists, "servedLists");
        Objects.requireNonNull(clock, "clock");
    }
}
