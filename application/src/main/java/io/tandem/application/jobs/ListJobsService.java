package io.tandem.application.jobs;

import io.tandem.application.jobs.port.in.ListJobsQuery;
import io.tandem.application.jobs.port.in.ListJobsUseCase;
import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.domain.jobs.Job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The most recent jobs, newest first, the running one as the runner holds it now. */
public final class ListJobsService implements ListJobsUseCase {

    private final JobRunner runner;
    private final LoadJobsPort loadJobs;

    public ListJobsService(JobRunner runner, LoadJobsPort loadJobs) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.loadJobs = Objects.requireNonNull(loadJobs, "loadJobs");
    }

    @Override
    public List<Job> list(ListJobsQuery query) {
        Optional<Job> active = runner.active();
        List<Job> stored = loadJobs.loadRecentJobs(query.limit());
        if (active.isEmpty()) {
            return stored;
        }
        Job running = active.get();
        // The store holds the running job as of its last write; the fresh state replaces it (or joins the list
        // when the store has not been written yet).
        List<Job> jobs = new ArrayList<>(stored.size() + 1);
        jobs.add(running);
        stored.stream().filter(job -> !job.id().equals(running.id())).forEach(jobs::add);
        jobs.sort(Comparator.comparing(Job::queuedAt).thenComparing(Job::id).reversed());
        return List.copyOf(jobs.subList(0, Math.min(query.limit(), jobs.size())));
    }
}
