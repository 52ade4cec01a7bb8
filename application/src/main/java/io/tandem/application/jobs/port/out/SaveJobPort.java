package io.tandem.application.jobs.port.out;

import io.tandem.domain.jobs.Job;

/** Stores a job's current state, replacing what was stored under its id. */
@FunctionalInterface
public interface SaveJobPort {

    void saveJob(Job job);
}
