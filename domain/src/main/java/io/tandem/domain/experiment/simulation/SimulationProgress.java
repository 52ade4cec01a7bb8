package io.tandem.domain.experiment.simulation;

/** Hears about a study as it goes, one finished run at a time, so a long study can show progress. */
@FunctionalInterface
public interface SimulationProgress {

    /** Ignores every run. */
    SimulationProgress NONE = (done, total, run) -> { };

    /** @param done runs finished so far, this one included */
    void runFinished(int done, int total, SimulationRun run);
}
