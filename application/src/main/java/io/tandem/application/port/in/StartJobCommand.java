package io.tandem.application.port.in;

import io.tandem.application.port.out.JobType;

import java.util.Objects;

/** Which kind of job to start. */
public record StartJobCommand(JobType type) {

    public StartJobCommand {
        Objects.requireNonNull(type, "type");
    }
}
