package io.tandem.application.jobs;

import io.tandem.application.jobs.port.in.FailInterruptedJobsCommand;
import io.tandem.application.jobs.port.in.FindJobQuery;
import io.tandem.application.jobs.port.in.JobAlreadyRunningException;
import io.tandem.application.jobs.port.in.ListJobsQuery;
import io.tandem.application.jobs.port.in.StartJobCommand;
import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.application.jobs.port.out.RunJobPort;
import io.tandem.application.jobs.port.out.SaveJobPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobProgress;
import io.tandem.domain.jobs.JobStatus;
import io.tandem.domain.jobs.JobType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job use cases over one runner, wired as bootstrap wires them. */
class JobRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JobStore store = new JobStore();
    private final ExecutorService executor = JobRunner.newJobExecutor();
    private final AtomicInteger ids = new AtomicInteger();
    /** Stands still, so only the state changes are stored, never the progress in between. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch pipelineStarted = new CountDownLatch(1);
    private final AtomicReference<Thread> bodyThread = new AtomicReference<>();

    /** A pipeline that reports halfway and waits to be released; a training that fails at once. */
    private final Map<JobType, RunJobPort> bodies = Map.of(
            JobType.PIPELINE, progress -> {
                bodyThread.set(Thread.currentThread());
                progress.report(0.5, "feature tables built");
                pipelineStarted.countDown();
                await(release);
                return "pipeline built 3 tables";
            },
            JobType.TRAIN, progress -> {
                progress.report(0.1, "reading the lake");
                throw new IllegalStateException("the lake is empty");
            });

    private final Jobs runner = jobs(new JobRunner(bodies, store, store, executor, clock,
            () -> "job-" + ids.incrementAndGet()));

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void aJobRunsOnTheJobThreadAndReportsProgressUntilItSucceeds() throws Exception {
        Job accepted = runner.start(new StartJobCommand(JobType.PIPELINE));
        assertThat(accepted.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(pipelineStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Job running = find(accepted.id());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.progress()).isEqualTo(0.5);
        assertThat(running.message()).isEqualTo("feature tables built");
        assertThat(running.startedAt()).isPresent();
        assertThat(bodyThread.get().getName()).isEqualTo("tandem-job");
        assertThat(bodyThread.get().getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(bodyThread.get()).isNotSameAs(Thread.currentThread());

        release.countDown();
        Job done = awaitFinished(accepted.id());

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.message()).isEqualTo("pipeline built 3 tables");
        assertThat(done.finishedAt()).isPresent();
        assertThat(store.loadJob(accepted.id())).contains(done);
    }

    @Test
    void aSecondJobWhileOneRunsIsRefusedAndTheScheduleSkipsIt() throws Exception {
        Job first = runner.start(new StartJobCommand(JobType.PIPELINE));
        assertThat(pipelineStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> runner.start(new StartJobCommand(JobType.TRAIN)))
                .isInstanceOf(JobAlreadyRunningException.class)
                .satisfies(e -> assertThat(((JobAlreadyRunningException) e).running().id()).isEqualTo(first.id()));
        assertThat(runner.startIfIdle(new StartJobCommand(JobType.TRAIN))).isEmpty();

        release.countDown();
        awaitFinished(first.id());

        Optional<Job> next = runner.startIfIdle(new StartJobCommand(JobType.TRAIN));
        assertThat(next).isPresent();
        assertThat(awaitFinished(next.get().id()).status()).isEqualTo(JobStatus.FAILED);
        assertThat(store.saved).extracting(Job::id).containsOnly(first.id(), next.get().id());
    }

    @Test
    void aFailingBodyFailsTheJobWithItsMessageAndFreesTheSlot() {
        Job job = runner.start(new StartJobCommand(JobType.TRAIN));

        Job failed = awaitFinished(job.id());

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).isEqualTo("failed: the lake is empty").doesNotContain("Exception");
        assertThat(failed.progress()).isEqualTo(0.1);
        assertThat(runner.startIfIdle(new StartJobCommand(JobType.TRAIN))).isPresent();
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheFieldAndTheKnownTypes() {
        assertThatThrownBy(() -> runner.start(new StartJobCommand(new JobType("evaluate"))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("pipeline, train")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("type");
        assertThat(store.saved).isEmpty();
    }

    @Test
    void progressIsStoredAtMostOnceASecondButReadersSeeEveryReport() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T09:00:00Z"));
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Jobs chatty = jobs(new JobRunner(Map.of(JobType.TRAIN, progress -> {
            for (int step = 1; step <= 100; step++) {
                if (step == 51) {
                    now.set(now.get().plusSeconds(1));
                }
                progress.report(step / 200.0, "step " + step);
            }
            reported.countDown();
            await(finish);
            return "done";
        }), store, store, executor, moving, () -> "chatty"));

        chatty.start(new StartJobCommand(JobType.TRAIN));
        assertThat(reported.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(chatty.find(new FindJobQuery("chatty")).orElseThrow().message()).isEqualTo("step 100");
        // Queued and started always; of the 100 reports only the first one a second after the start.
        assertThat(store.saved).extracting(Job::message).containsExactly("queued", "running", "step 51");
        finish.countDown();
        assertThat(awaitFinished(chatty, "chatty").status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aBodyReportingProgressOutsideZeroToOneFailsItsJob() {
        Jobs sloppy = jobs(new JobRunner(Map.of(JobType.TRAIN, progress -> {
            progress.report(1.5, "too far");
            return "never";
        }), store, store, executor, clock, () -> "sloppy"));

        sloppy.start(new StartJobCommand(JobType.TRAIN));

        Job failed = awaitFinished(sloppy, "sloppy");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).contains("progress");
    }

    @Test
    void jobsLeftOpenByAStoppedProcessAreMarkedFailedButNotTheOneRunningHere() throws Exception {
        Instant earlier = clock.instant().minus(Duration.ofHours(1));
        store.saveJob(Job.queued("old-queued", JobType.TRAIN, earlier));
        store.saveJob(Job.queued("old-running", JobType.PIPELINE, earlier).started(earlier));
        Job running = runner.start(new StartJobCommand(JobType.PIPELINE));
        assertThat(pipelineStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        int failed = runner.failInterrupted(new FailInterruptedJobsCommand());

        assertThat(failed).isEqualTo(2);
        assertThat(store.loadJob("old-queued")).map(Job::status).contains(JobStatus.FAILED);
        assertThat(store.loadJob("old-running").orElseThrow().message()).isEqualTo(JobRunner.INTERRUPTED);
        assertThat(find(running.id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aJobTheExecutorRefusesFailsAtOnceAndFreesTheSlot() {
        executor.shutdown();

        Job refused = runner.start(new StartJobCommand(JobType.PIPELINE));

        assertThat(refused.status()).isEqualTo(JobStatus.FAILED);
        assertThat(store.loadJob(refused.id())).contains(refused);
        assertThat(runner.startIfIdle(new StartJobCommand(JobType.PIPELINE))).map(Job::status)
                .contains(JobStatus.FAILED);
    }

    @Test
    void theListShowsTheNewestJobsFirstWithTheRunningOneAsFreshAsItsLastReport() throws Exception {
        Instant earlier = clock.instant().minus(Duration.ofHours(1));
        Job old = Job.queued("old", JobType.TRAIN, earlier.minusSeconds(60)).started(earlier.minusSeconds(60))
                .succeeded(earlier, "ok");
        Job older = Job.queued("older", JobType.TRAIN, earlier.minusSeconds(120)).started(earlier.minusSeconds(120))
                .failed(earlier, "failed: no");
        store.saveJob(old);
        store.saveJob(older);
        Job running = runner.start(new StartJobCommand(JobType.PIPELINE));
        assertThat(pipelineStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        List<Job> listed = runner.list(new ListJobsQuery(10));

        assertThat(listed).extracting(Job::id).containsExactly(running.id(), "old", "older");
        // The store has only "running" (progress is written at most once a second); the list has the report.
        assertThat(listed.get(0).message()).isEqualTo("feature tables built");
        assertThat(runner.list(new ListJobsQuery(2))).extracting(Job::id).containsExactly(running.id(), "old");
        assertThat(runner.list(new ListJobsQuery(1))).extracting(Job::id).containsExactly(running.id());
    }

    @Test
    void theListLimitIsBoundedAndNamedWhenWrong() {
        assertThatThrownBy(() -> new ListJobsQuery(0)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("limit");
        assertThatThrownBy(() -> new ListJobsQuery(ListJobsQuery.MAX_LIMIT + 1))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(new ListJobsQuery(ListJobsQuery.MAX_LIMIT).limit()).isEqualTo(ListJobsQuery.MAX_LIMIT);
    }

    @Test
    void aBodyRecordsWhatHoldsWhenItIsQueuedAndRunsWithIt() {
        AtomicInteger logEnd = new AtomicInteger(7);
        RunJobPort body = new RunJobPort() {
            @Override
            public String run(JobProgress progress) {
                throw new AssertionError("the runner runs what queued() returned");
            }

            @Override
            public RunJobPort queued() {
                int atQueue = logEnd.get();
                return progress -> "saw " + atQueue;
            }
        };
        Jobs barrier = jobs(new JobRunner(Map.of(JobType.TRAIN, body), store, store, executor, clock,
                () -> "barrier"));

        barrier.start(new StartJobCommand(JobType.TRAIN));
        logEnd.set(99);

        assertThat(awaitFinished(barrier, "barrier").message()).isEqualTo("saw 7");
    }

    @Test
    void aBodyThatCannotRecordItsQueueTimeStateRefusesTheJobAndKeepsTheSlotFree() {
        RunJobPort body = new RunJobPort() {
            @Override
            public String run(JobProgress progress) {
                return "never";
            }

            @Override
            public RunJobPort queued() {
                throw new IllegalStateException("the event log cannot be asked");
            }
        };
        Jobs refusing = jobs(new JobRunner(Map.of(JobType.TRAIN, body), store, store, executor, clock,
                () -> "refused"));

        assertThatThrownBy(() -> refusing.start(new StartJobCommand(JobType.TRAIN)))
                .hasMessageContaining("event log");
        assertThat(store.saved).isEmpty();
        assertThat(refusing.list(new ListJobsQuery(5))).isEmpty();
    }

    @Test
    void aStageIsItsWordsBeforeTheFirstColon() {
        assertThat(JobRunner.stageOf("reading the lake: 1,200 events")).isEqualTo("reading the lake");
        assertThat(JobRunner.stageOf("reading the lake")).isEqualTo("reading the lake");
        assertThat(JobRunner.stageOf("")).isEmpty();
    }

    @Test
    void unknownJobsAreNotFound() {
        assertThat(runner.find(new FindJobQuery("never"))).isEmpty();
    }

    private Job find(String id) {
        return runner.find(new FindJobQuery(id)).orElseThrow();
    }

    private Job awaitFinished(String id) {
        return awaitFinished(runner, id);
    }

    private static Job awaitFinished(Jobs service, String id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Job> job = service.find(new FindJobQuery(id));
            if (job.isPresent() && job.get().status().isFinished()) {
                return job.get();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish within " + WAIT);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The job store ports over a map, keeping every write in order. */
    private static final class JobStore implements SaveJobPort, LoadJobsPort {

        final Map<String, Job> jobs = new ConcurrentHashMap<>();
        final List<Job> saved = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void saveJob(Job job) {
            jobs.put(job.id(), job);
            saved.add(job);
        }

        @Override
        public Optional<Job> loadJob(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public List<Job> loadUnfinishedJobs() {
            return jobs.values().stream().filter(j -> !j.status().isFinished())
                    .sorted(Comparator.comparing(Job::queuedAt)).toList();
        }

        @Override
        public List<Job> loadRecentJobs(int limit) {
            return jobs.values().stream()
                    .sorted(Comparator.comparing(Job::queuedAt).thenComparing(Job::id).reversed())
                    .limit(limit).toList();
        }
    }

    private Jobs jobs(JobRunner runner) {
        return new Jobs(new StartJobService(runner), new StartJobIfIdleService(runner), new FindJobService(runner,
                store), new ListJobsService(runner, store), new FailInterruptedJobsService(runner));
    }

    /** The five job use cases, sharing one runner. */
    private record Jobs(StartJobService starting, StartJobIfIdleService startingIfIdle, FindJobService finding,
                        ListJobsService listing, FailInterruptedJobsService failing) {

        Job start(StartJobCommand command) {
            return starting.start(command);
        }

        Optional<Job> startIfIdle(StartJobCommand command) {
            return startingIfIdle.startIfIdle(command);
        }

        Optional<Job> find(FindJobQuery query) {
            return finding.find(query);
        }

        List<Job> list(ListJobsQuery query) {
            return listing.list(query);
        }

        int failInterrupted(FailInterruptedJobsCommand command) {
            return failing.failInterrupted(command);
        }
    }
}
