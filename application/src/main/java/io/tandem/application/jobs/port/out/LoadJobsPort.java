package io.tandem.application.jobs.port.out;

import io.tandem.domain.jobs.Job;

import java.util.List;
import java.util.Optional;

/** Reads jobs back from the job store. */
public interface LoadJobsPort {

    Optional<Job> loadJob(String id);

    /** The jobs stored as queued or running, oldest first. */
    List<Job> loadUnfinishedJobs();

    /** At most {@code limit} jobs, the most recently queued first (ties by id, descending). */
    List<Job> loadRecentJobs(int limit);
}
