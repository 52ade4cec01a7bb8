package io.tandem.application.jobs;

import io.tandem.application.jobs.port.in.StartJobCommand;
import io.tandem.application.jobs.port.in.StartJobUseCase;
import io.tandem.domain.jobs.Job;

import java.util.Objects;

/** Starts a job on request; refused while another is queued or running (see {@link JobRunner}). */
public final class StartJobService implements StartJobUseCase {

    private final JobRunner runner;

    public StartJobService(JobRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public Job start(StartJobCommand command) {
        return runner.start(command);
    }
}
