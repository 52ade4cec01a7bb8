package io.tandem.adapters.out.memory;

import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryJobsAdapterTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private final InMemoryJobsAdapter jobs = new InMemoryJobsAdapter();

    @Test
    void aSavedJobIsReadBackAndReplacedByItsNextState() {
        Job queued = Job.queued("j1", JobType.TRAIN, T0);
        jobs.saveJob(queued);
        Job running = queued.started(T0.plusSeconds(1)).progressed(0.3, "training");
        jobs.saveJob(running);

        assertThat(jobs.loadJob("j1")).contains(running);
        assertThat(jobs.loadJob("j2")).isEmpty();
    }

    @Test
    void unfinishedJobsAreTheQueuedAndRunningOnesOldestFirst() {
        Job later = Job.queued("later", JobType.TRAIN, T0.plusSeconds(10));
        Job earlier = Job.queued("earlier", JobType.PIPELINE, T0).started(T0.plusSeconds(1));
        Job done = Job.queued("done", JobType.TRAIN, T0).started(T0).succeeded(T0.plusSeconds(2), "ok");
        jobs.saveJob(later);
        jobs.saveJob(earlier);
        jobs.saveJob(done);

        assertThat(jobs.loadUnfinishedJobs()).containsExactly(earlier, later);
    }

    /** The same promise as the JDBC store's (JdbcRegistryContract). */
    @Test
    void recentJobsAreEveryJobNewestQueuedFirstTiesByIdAndAtMostTheLimit() {
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
