package io.tandem.application.jobs.port.in;

import io.tandem.domain.jobs.Job;

import java.util.Optional;

/** Starts a job unless one is queued or running; what a schedule calls, so a slow run simply skips a tick. */
@FunctionalInterface
public interface StartJobIfIdleUseCase {

    /**
     * @return the job started, or empty when another job was queued or running
     * @throws io.tandem.domain.InvalidFieldException naming {@code type} when no body is registered for it
     */
    Optional<Job> startIfIdle(StartJobCommand command);
}
