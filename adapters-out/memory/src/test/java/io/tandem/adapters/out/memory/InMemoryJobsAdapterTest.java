package io.tandem.adapters.out.memory;

import io.tandem.application.port.out.Job;
import io.tandem.application.port.out.JobType;
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
}
