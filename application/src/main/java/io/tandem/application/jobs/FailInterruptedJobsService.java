package io.tandem.application.jobs;

import io.tandem.application.jobs.port.in.FailInterruptedJobsCommand;
import io.tandem.application.jobs.port.in.FailInterruptedJobsUseCase;

import java.util.Objects;

/** At start-up, fails the jobs a stopped process left queued or running, so none shows as running forever. */
public final class FailInterruptedJobsService implements FailInterruptedJobsUseCase {

    private final JobRunner runner;

    public FailInterruptedJobsService(JobRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public int failInterrupted(FailInterruptedJobsCommand command) {
        return runner.failInterrupted();
    }
}
