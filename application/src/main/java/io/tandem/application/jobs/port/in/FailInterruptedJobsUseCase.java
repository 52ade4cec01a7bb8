package io.tandem.application.jobs.port.in;

/**
 * Marks as failed the jobs the store shows queued or running that this process is not running: their
 * process stopped, and without this they would show "running" for ever. Called once at start-up.
 */
@FunctionalInterface
public interface FailInterruptedJobsUseCase {

    /** @return how many jobs were marked failed */
    int failInterrupted(FailInterruptedJobsCommand command);
}
