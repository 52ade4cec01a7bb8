package io.tandem.adapters.out.memory;

import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.application.jobs.port.out.SaveJobPort;
import io.tandem.domain.jobs.Job;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The job store in a concurrent map, for tests and throwaway runs: job history is gone at exit. */
public final class InMemoryJobsAdapter implements SaveJobPort, LoadJobsPort {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    @Override
    public void saveJob(Job job) {
        jobs.put(job.id(), job);
    }

    @Override
    public Optional<Job> loadJob(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<Job> loadUnfinishedJobs() {
        return jobs.values().stream()
                .filter(job -> !job.status().isFinished())
                .sorted(Comparator.comparing(Job::queuedAt).thenComparing(Job::id))
                .toList();
    }

    @Override
    public List<Job> loadRecentJobs(int limit) {
        return jobs.values().stream()
                .sorted(Comparator.comparing(Job::queuedAt).thenComparing(Job::id).reversed())
                .limit(limit)
                .toList();
    }
}
