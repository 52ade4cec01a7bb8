package io.tandem.application.jobs.port.in;

import io.tandem.domain.jobs.Job;

import java.util.Optional;

/** Reads a job's status and progress; a running job's progress is as fresh as its last report. */
@FunctionalInterface
public interface FindJobUseCase {

    Optional<Job> find(FindJobQuery query);
}
