package io.tandem.application.jobs.port.out;

import io.tandem.domain.jobs.JobProgress;
import io.tandem.domain.jobs.JobType;

/**
 * The work of one job type (the body of a pipeline or a training run), registered per {@link JobType} by
 * whoever wires the application. It runs on the job thread, never on a request thread.
 */
@FunctionalInterface
public interface RunJobPort {

    /**
     * Does the work, reporting progress as it goes; returns normally on success with a one-line outcome, and
     * throws to fail the job (the exception's message becomes the job's message).
     */
    String run(JobProgress progress);

    /**
     * Called on the caller's thread when the job is accepted, before it is queued: returns the work to run later,
     * which may hold what was true at that moment (a train job records the event log's end there, ADR-0021). A
     * failure here refuses the job.
     */
    default RunJobPort queued() {
        return this;
    }
}
