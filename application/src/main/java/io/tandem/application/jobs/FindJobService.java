package io.tandem.application.jobs;

import io.tandem.application.jobs.port.in.FindJobQuery;
import io.tandem.application.jobs.port.in.FindJobUseCase;
import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.domain.jobs.Job;

import java.util.Objects;
import java.util.Optional;

/** One job: the running one as the runner holds it now, any other as the store has it. */
public final class FindJobService implements FindJobUseCase {

    private final JobRunner runner;
    private final LoadJobsPort loadJobs;

    public FindJobService(JobRunner runner, LoadJobsPort loadJobs) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.loadJobs = Objects.requireNonNull(loadJobs, "loadJobs");
    }

    @Override
    public Optional<Job> find(FindJobQuery query) {
        Optional<Job> active = runner.active();
        if (active.isPresent() && active.get().id().equals(query.id())) {
            return active;
        }
        return loadJobs.loadJob(query.id());
    }
}
