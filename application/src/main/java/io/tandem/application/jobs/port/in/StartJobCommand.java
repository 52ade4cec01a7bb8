package io.tandem.application.jobs.port.in;

import io.tandem.domain.jobs.JobType;

import java.util.Objects;

/** Which kind of job to start. */
public record StartJobCommand(JobType type) {

    public StartJobCommand {
        Objects.requireNonNull(type, "type");
    }
}
