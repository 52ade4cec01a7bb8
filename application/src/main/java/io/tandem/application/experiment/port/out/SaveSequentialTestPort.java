package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.statistics.SequentialTest;

/**
 * Stores the sequential test of one challenger after a look, replacing the one stored before. Two looks at the same
 * time may overwrite each other: the running p-value and interval of the lost look are then not carried forward,
 * which costs power, never validity, since every look's own interval is already valid (ADR-0025).
 */
@FunctionalInterface
public interface SaveSequentialTestPort {

    void saveSequentialTest(String experiment, String challenger, SequentialTest test);
}
