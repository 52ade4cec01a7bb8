package io.tandem.application.jobs.port.in;

import io.tandem.domain.jobs.Job;

/**
 * Starts a background job on the job thread and returns at once. At most one job is queued or running at a
 * time; a request while one is refused rather than queued, so work never piles up behind a slow job.
 */
@FunctionalInterface
public interface StartJobUseCase {

    /**
     * @return the job as accepted (queued), or already failed when the job executor refused it
     * @throws JobAlreadyRunningException              while another job is queued or running
     * @throws io.tandem.domain.InvalidFieldException naming {@code type} when no body is registered for it
     */
    Job start(StartJobCommand command);
}
