package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.statistics.SequentialTest;

import java.util.Map;

/** The sequential test of each challenger of one experiment as its last look left it, by challenger name. */
@FunctionalInterface
public interface LoadSequentialTestsPort {

    Map<String, SequentialTest> loadSequentialTests(String experiment);
}
