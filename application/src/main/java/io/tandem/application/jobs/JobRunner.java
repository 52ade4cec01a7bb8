package io.tandem.application.jobs;

import io.tandem.application.jobs.port.in.JobAlreadyRunningException;
import io.tandem.application.jobs.port.in.StartJobCommand;
import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.application.jobs.port.out.RunJobPort;
import io.tandem.application.jobs.port.out.SaveJobPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs background jobs one at a time on an executor of their own and records their life in the job store.
 *
 * <p>A second request while a job is queued or running is refused ({@link JobAlreadyRunningException}), not
 * queued: a pipeline and a training both read the whole lake, so running them back to back would only
 * double the load, and an unbounded queue behind a slow job would hide that it is slow. A schedule uses
 * {@link #startIfIdle}, which skips the tick instead.
 *
 * <p>The running job is kept in memory with every progress report; the store gets each state change and
 * progress at most once per {@link #PROGRESS_SAVE_INTERVAL}, so a chatty body cannot flood the database.
 *
 * <p>The log gets one INFO line when a job starts, one per stage it reports (a step's words before the first
 * colon: {@code reading the lake: 1,200 events} and {@code reading the lake: 2,400 events} are one stage) and one
 * when it ends, so an operator can follow a job without polling it.
 *
 * <p>One runner per instance holds the job slot; the job use cases ({@link StartJobService},
 * {@link StartJobIfIdleService}, {@link FindJobService}, {@link ListJobsService},
 * {@link FailInterruptedJobsService}) share it.
 */
public final class JobRunner {

    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    static final Duration PROGRESS_SAVE_INTERVAL = Duration.ofSeconds(1);
    static final String INTERRUPTED = "interrupted: the process running this job stopped before it finished";

    private final Map<JobType, RunJobPort> bodies;
    private final SaveJobPort saveJob;
    private final LoadJobsPort loadJobs;
    private final Executor executor;
    private final Clock clock;
    private final Supplier<String> jobIds;
    private final Object lock = new Object();
    /** The queued or running job, null while idle; guarded by {@link #lock}. */
    private Job active;
    /** When the active job was last written to the store; guarded by {@link #lock}. */
    private Instant lastSaved;
    /** The stage of the active job last logged; guarded by {@link #lock}. */
    private String lastStage;

    /**
     * @param bodies   the work of each job type; types without a body are refused
     * @param executor runs the bodies; give it threads of its own (see {@link #newJobExecutor()}), never the
     *                 request threads
     */
    public JobRunner(Map<JobType, RunJobPort> bodies, SaveJobPort saveJob, LoadJobsPort loadJobs,
                     Executor executor, Clock clock, Supplier<String> jobIds) {
        this.bodies = Map.copyOf(Objects.requireNonNull(bodies, "bodies"));
        this.saveJob = Objects.requireNonNull(saveJob, "saveJob");
        this.loadJobs = Objects.requireNonNull(loadJobs, "loadJobs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jobIds = Objects.requireNonNull(jobIds, "jobIds");
    }

    /**
     * One daemon thread at the lowest priority, named {@code tandem-job}: jobs never take a request thread and
     * yield the CPU to serving where the OS honours Java priorities (Linux does only with
     * {@code -XX:ThreadPriorityPolicy=1}; there the single thread is what bounds a job to one core).
     */
    public static ExecutorService newJobExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tandem-job");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /** Queues a job of the command's type; refused while another is queued or running. */
    Job start(StartJobCommand command) {
        RunJobPort body = bodyOf(command.type());
        synchronized (lock) {
            if (active != null) {
                throw new JobAlreadyRunningException(active);
            }
        }
        // Outside the lock: what a body records at queue time (the event log's end) may take a round trip.
        RunJobPort work = body.queued();
        Job job;
        synchronized (lock) {
            if (active != null) {
                throw new JobAlreadyRunningException(active);
            }
            job = accept(command.type());
        }
        return submit(job, work);
    }

    /** Queues a job of the command's type when none is queued or running; empty otherwise. */
    Optional<Job> startIfIdle(StartJobCommand command) {
        RunJobPort body = bodyOf(command.type());
        synchronized (lock) {
            if (active != null) {
                return Optional.empty();
            }
        }
        RunJobPort work = body.queued();
        Job job;
        synchronized (lock) {
            if (active != null) {
                return Optional.empty();
            }
            job = accept(command.type());
        }
        return Optional.of(submit(job, work));
    }

    /** The queued or running job as it is now, fresher than the store's copy; empty while idle. */
    Optional<Job> active() {
        synchronized (lock) {
            return Optional.ofNullable(active);
        }
    }

    /** Fails every job the store holds as unfinished, except the one this runner has queued or running. */
    int failInterrupted() {
        // Under the lock: a job accepted meanwhile would otherwise be read as unfinished and failed by mistake.
        synchronized (lock) {
            String running = active == null ? null : active.id();
            int failed = 0;
            for (Job job : loadJobs.loadUnfinishedJobs()) {
                if (!job.id().equals(running)) {
                    saveJob.saveJob(job.failed(clock.instant(), INTERRUPTED));
                    failed++;
                }
            }
            return failed;
        }
    }

    private RunJobPort bodyOf(JobType type) {
        RunJobPort body = bodies.get(type);
        if (body == null) {
            String known = bodies.keySet().stream().map(JobType::name).sorted().collect(Collectors.joining(", "));
            throw new InvalidFieldException("type", "no job of type '" + type + "'; "
                    + (known.isEmpty() ? "no job types are set up" : "expected one of " + known));
        }
        return body;
    }

    /** Claims the job slot; the caller holds the lock. The store write stays inside so a failure frees the slot. */
    private Job accept(JobType type) {
        Job job = Job.queued(jobIds.get(), type, clock.instant());
        saveJob.saveJob(job);
        active = job;
        lastSaved = job.queuedAt();
        lastStage = null;
        LOG.log(System.Logger.Level.INFO, "job {0} ({1}) queued", job.id(), label(job.type()));
        return job;
    }

    private Job submit(Job job, RunJobPort body) {
        try {
            executor.execute(() -> run(job, body));
            return job;
        } catch (RejectedExecutionException e) {
            Job refused = job.failed(clock.instant(), "the job executor refused the job: it is shut down or full");
            finish(refused);
            return refused;
        }
    }

    private void run(Job queued, RunJobPort body) {
        try {
            record(queued.started(clock.instant()), true);
            LOG.log(System.Logger.Level.INFO, "job {0} ({1}) started", queued.id(), label(queued.type()));
            String outcome = body.run((fraction, step) -> report(queued.id(), fraction, step));
            Job current = current(queued);
            finish(current.succeeded(clock.instant(), outcome == null || outcome.isBlank() ? "succeeded" : outcome));
        } catch (RuntimeException | Error e) {
            // Recorded before the slot is freed, so a reader never sees "running" after the job is gone.
            finish(current(queued).failed(clock.instant(), describe(e)));
            if (e instanceof Error) {
                throw (Error) e;
            }
        }
    }

    /** Ignores reports of a job no longer active, such as those of a thread its body left behind. */
    private void report(String jobId, double fraction, String step) {
        Job.requireProgress(fraction);
        synchronized (lock) {
            if (active == null || !active.id().equals(jobId)) {
                return;
            }
            String words = step == null ? "" : step;
            String stage = stageOf(words);
            if (!stage.isEmpty() && !stage.equals(lastStage)) {
                lastStage = stage;
                LOG.log(System.Logger.Level.INFO, "job {0} ({1}) at {2}%: {3}", jobId, label(active.type()),
                        Math.round(fraction * 100), words);
            }
            record(active.progressed(fraction, words), false);
        }
    }

    /** A step's stage: its words before the first colon, so counts that change within a stage log once. */
    static String stageOf(String step) {
        int colon = step.indexOf(':');
        return (colon < 0 ? step : step.substring(0, colon)).strip();
    }

    private static String label(JobType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** Makes {@code job} the active state and writes it when {@code always} or when the last write is old enough. */
    private void record(Job job, boolean always) {
        synchronized (lock) {
            active = job;
            Instant now = clock.instant();
            if (always || !now.isBefore(lastSaved.plus(PROGRESS_SAVE_INTERVAL))) {
                saveJob.saveJob(job);
                lastSaved = now;
            }
        }
    }

    /** Writes the final state, then frees the slot even when the write fails (the start-up recovery closes it). */
    private void finish(Job finished) {
        LOG.log(System.Logger.Level.INFO, "job {0} ({1}) {2}: {3}", finished.id(), label(finished.type()),
                finished.status().name().toLowerCase(Locale.ROOT), finished.message());
        synchronized (lock) {
            try {
                saveJob.saveJob(finished);
            } finally {
                active = null;
                lastSaved = null;
                lastStage = null;
            }
        }
    }

    private Job current(Job fallback) {
        synchronized (lock) {
            return active == null ? fallback : active;
        }
    }

    /**
     * What {@code GET /v1/jobs/{id}} shows of a failure: the words of a refusal Tandem itself wrote (a domain rule, a
     * state such as an empty lake), never an exception's type, and never the text of any other exception, which can
     * name classes, hosts or paths (ADR-0019); that one goes to the log.
     */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        boolean ours = failure instanceof InvalidFieldException || failure instanceof IllegalStateException;
        if (ours && message != null && !message.isBlank()) {
            return "failed: " + message;
        }
        LOG.log(System.Logger.Level.ERROR, "a job failed", failure);
        return "failed: an unexpected error; the server log has the details";
    }
}
