package io.tandem.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.application.jobs.port.in.FailInterruptedJobsCommand;
import io.tandem.application.jobs.port.in.FailInterruptedJobsUseCase;
import io.tandem.application.jobs.port.in.StartJobCommand;
import io.tandem.application.jobs.port.in.StartJobIfIdleUseCase;
import io.tandem.domain.jobs.JobType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marks jobs a crash left running as failed at start-up. */
@Singleton
final class JobLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JobLifecycle.class);

    private final FailInterruptedJobsUseCase failInterrupted;

    JobLifecycle(FailInterruptedJobsUseCase failInterrupted) {
        this.failInterrupted = failInterrupted;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int failed = failInterrupted.failInterrupted(new FailInterruptedJobsCommand());
        if (failed > 0) {
            LOG.warn("{} job(s) were running when the process stopped; marked failed", failed);
        }
    }

    /** {@code tandem.training.schedule} (a cron expression) starts a training run unless one is running. */
    @Singleton
    @Requires(property = "tandem.training.schedule")
    static final class TrainingSchedule {

        private final StartJobIfIdleUseCase startIfIdle;

        TrainingSchedule(StartJobIfIdleUseCase startIfIdle) {
            this.startIfIdle = startIfIdle;
        }

        @Scheduled(cron = "${tandem.training.schedule}")
        void trigger() {
            startIfIdle.startIfIdle(new StartJobCommand(JobType.TRAIN))
                    .ifPresentOrElse(job -> LOG.info("scheduled training started as job {}", job.id()),
                            () -> LOG.info("scheduled training skipped: a job is running"));
        }
    }
}
