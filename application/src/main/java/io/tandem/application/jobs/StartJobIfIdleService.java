package io.tandem.application.jobs;

import io.tandem.application.jobs.port.in.StartJobCommand;
import io.tandem.application.jobs.port.in.StartJobIfIdleUseCase;
import io.tandem.domain.jobs.Job;

import java.util.Objects;
import java.util.Optional;

/** Starts a job when none is queued or running, as a schedule does: a busy tick is skipped, not queued. */
public final class StartJobIfIdleService implements StartJobIfIdleUseCase {

    private final JobRunner runner;

    public StartJobIfIdleService(JobRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public Optional<Job> startIfIdle(StartJobCommand command) {
        return runner.startIfIdle(command);
    }
}
