package io.tandem.application.jobs.port.out;

import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every job store promises, run by each adapter's test: a job comes back exactly as last saved, every state and
 * message kept; the unfinished jobs are the queued and running ones, oldest first; the recent jobs are the most
 * recently queued first, ties by id descending, at most the limit.
 */
public abstract class JobStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00.123456Z");

    /** The two job-store ports, as one adapter implements them. */
    public interface Jobs extends SaveJobPort, LoadJobsPort {

        /** The store that {@code adapter} is. */
        static <A extends SaveJobPort & LoadJobsPort> Jobs of(A adapter) {
            return new Jobs() {
                @Override
                public void saveJob(Job job) {
                    adapter.saveJob(job);
                }

                @Override
                public Optional<Job> loadJob(String id) {
                    return adapter.loadJob(id);
                }

                @Override
                public List<Job> loadUnfinishedJobs() {
                    return adapter.loadUnfinishedJobs();
                }

                @Override
                public List<Job> loadRecentJobs(int limit) {
                    return adapter.loadRecentJobs(limit);
                }
            };
        }
    }

    /** An empty store for one test. */
    protected abstract Jobs emptyStore();

    @Test
    void aJobIsSavedReplacedByItsNextStateAndReadBack() {
        Jobs jobs = emptyStore();
        Job queued = Job.queued("job-1", JobType.PIPELINE, T0);
        jobs.saveJob(queued);
        assertThat(jobs.loadJob("job-1")).contains(queued);

        Job running = queued.started(T0.plusSeconds(1)).progressed(0.25, "feature tables ünïcødé");
        jobs.saveJob(running);
        assertThat(jobs.loadJob("job-1")).contains(running);

        Job failed = running.failed(T0.plusSeconds(2), "failed: " + "x".repeat(2_000));
        jobs.saveJob(failed);
        assertThat(jobs.loadJob("job-1")).contains(failed);
        assertThat(jobs.loadJob("job-2")).isEmpty();
    }

    @Test
    void unfinishedJobsAreTheQueuedAndRunningOnesOldestFirst() {
        Jobs jobs = emptyStore();
        Job later = Job.queued("later", JobType.TRAIN, T0.plusSeconds(10));
        Job earlier = Job.queued("earlier", JobType.PIPELINE, T0).started(T0.plusSeconds(1));
        Job done = Job.queued("done", JobType.TRAIN, T0).started(T0).succeeded(T0.plusSeconds(2), "ok");
        jobs.saveJob(later);
        jobs.saveJob(earlier);
        jobs.saveJob(done);

        assertThat(jobs.loadUnfinishedJobs()).containsExactly(earlier, later);
        assertThat(jobs.loadJob("done")).contains(done);
    }

    @Test
    void recentJobsAreEveryJobNewestQueuedFirstTiesByIdAndAtMostTheLimit() {
        Jobs jobs = emptyStore();
        Job oldest = Job.queued("recent-a", JobType.TRAIN, T0).started(T0).succeeded(T0.plusSeconds(5), "ok");
        Job tieLow = Job.queued("recent-b", JobType.PIPELINE, T0.plusSeconds(60));
        Job tieHigh = Job.queued("recent-c", JobType.TRAIN, T0.plusSeconds(60)).started(T0.plusSeconds(61))
                .failed(T0.plusSeconds(62), "failed: no");
        Job newest = Job.queued("recent-d", JobType.TRAIN, T0.plusSeconds(120)).started(T0.plusSeconds(121));
        jobs.saveJob(tieLow);
        jobs.saveJob(newest);
        jobs.saveJob(oldest);
        jobs.saveJob(tieHigh);

        assertThat(jobs.loadRecentJobs(4)).containsExactly(newest, tieHigh, tieLow, oldest);
        assertThat(jobs.loadRecentJobs(2)).containsExactly(newest, tieHigh);
        assertThat(jobs.loadRecentJobs(1_000)).containsExactly(newest, tieHigh, tieLow, oldest);
    }
}
