package io.tandem.application.training;

import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.application.ingestion.port.out.FlushLakePort;
import io.tandem.application.ingestion.port.out.MarkEventLogEndPort;
import io.tandem.application.jobs.port.out.RunJobPort;
import io.tandem.application.serving.port.in.RefreshServingModelUseCase;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.jobs.JobProgress;
import io.tandem.domain.model.ModelRef;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of the {@code train} job (ADR-0021): it sees every event acknowledged before it was queued, and it
 * succeeds only once what it promoted serves here.
 *
 * <ol>
 *   <li>barrier: when the job is queued it records the event log's end; when it runs, it has the lake archiver
 *       flush until the lake holds everything before that end, failing with a clear message after
 *       {@code barrierTimeout};</li>
 *   <li>one training run with the configured command, its progress the job's;</li>
 *   <li>live: a promoted version is swapped into serving on this instance at once, and the job fails if this
 *       instance cannot serve it. A version that did not win leaves the champion as it was, and the outcome
 *       says so.</li>
 * </ol>
 */
public final class TrainModelsJob implements RunJobPort {

    /** The share of the job's progress before and after the training run itself. */
    private static final double BARRIER_SHARE = 0.05;
    private static final double LIVE_SHARE = 0.05;

    private final TrainModelsUseCase train;
    private final TrainModelsCommand command;
    private final MarkEventLogEndPort markEnd;
    private final FlushLakePort flushLake;
    private final Duration barrierTimeout;
    private final RefreshServingModelUseCase serving;

    /**
     * @param command        what every run trains; its own progress listener is replaced by the job's
     * @param barrierTimeout how long a run waits for the lake to reach its barrier before it fails
     */
    public TrainModelsJob(TrainModelsUseCase train, TrainModelsCommand command, MarkEventLogEndPort markEnd,
                          FlushLakePort flushLake, Duration barrierTimeout, RefreshServingModelUseCase serving) {
        this.train = Objects.requireNonNull(train, "train");
        this.command = Objects.requireNonNull(command, "command");
        this.markEnd = Objects.requireNonNull(markEnd, "markEnd");
        this.flushLake = Objects.requireNonNull(flushLake, "flushLake");
        Objects.requireNonNull(barrierTimeout, "barrierTimeout");
        if (barrierTimeout.isNegative() || barrierTimeout.isZero()) {
            throw new IllegalArgumentException("barrierTimeout must be positive");
        }
        this.barrierTimeout = barrierTimeout;
        this.serving = Objects.requireNonNull(serving, "serving");
    }

    /** Records the event log's end now, as the barrier of the run that follows. */
    @Override
    public RunJobPort queued() {
        EventLogPosition barrier = markEnd.markEnd();
        return progress -> run(barrier, progress);
    }

    /** A run not queued through a job runner: its barrier is the log's end when it starts. */
    @Override
    public String run(JobProgress progress) {
        return run(markEnd.markEnd(), progress);
    }

    private String run(EventLogPosition barrier, JobProgress progress) {
        awaitLake(barrier, progress);
        double trainingShare = 1.0 - BARRIER_SHARE - LIVE_SHARE;
        TrainingReport report = train.train(command.withProgress(
                (fraction, step) -> progress.report(BARRIER_SHARE + fraction * trainingShare, step)));
        return goLive(report, barrier, progress);
    }

    private void awaitLake(EventLogPosition barrier, JobProgress progress) {
        progress.report(0.0, "barrier: waiting until the lake holds every event acknowledged before the job was "
                + "queued (event log at " + barrier.describe() + ")");
        EventLogPosition archived = flushLake.flushUpTo(barrier, barrierTimeout);
        if (!archived.covers(barrier)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "barrier: the lake archiver did not write "
                    + "every event acknowledged before this job was queued within %s s (event log at %s; the lake "
                    + "holds it up to %s). No event is lost, they wait in the event log; run the job again once the "
                    + "archiver has caught up, and see the server log for why it is behind",
                    barrierTimeout.toSeconds(), barrier.describe(), archived.describe()));
        }
        progress.report(BARRIER_SHARE, "barrier reached: the lake holds every event acknowledged before the job was queued");
    }

    private String goLive(TrainingReport report, EventLogPosition barrier, JobProgress progress) {
        ModelRef trained = report.version().ref();
        if (!report.promoted()) {
            Optional<ModelRef> current = serving.refresh().serving();
            return outcome(report, barrier) + "; not promoted, the champion is unchanged"
                    + current.map(ref -> " (" + ref.version() + " serves)").orElse(" (none yet: the fallback serves)");
        }
        progress.report(1.0 - LIVE_SHARE, "live: swapping " + trained.name() + " " + trained.version()
                + " into serving on this instance");
        ServingModelStatus status = serving.refresh();
        if (!status.serving().equals(Optional.of(trained))) {
            throw new IllegalStateException("live: " + trained.name() + " " + trained.version()
                    + " is the champion but this instance does not serve it: "
                    + status.problem().orElse("it serves " + status.serving().map(ModelRef::version)
                            .orElse("no model") + " instead"));
        }
        progress.report(1.0, "live: " + trained.name() + " " + trained.version() + " serves on this instance");
        return outcome(report, barrier) + "; live on this instance";
    }

    /** The run's summary and how much of the lake it read: every event before the barrier, at least. */
    private static String outcome(TrainingReport report, EventLogPosition barrier) {
        return report.summary() + String.format(Locale.ROOT, "; trained on %d lake events (event log read to %s)",
                report.eventsRead(), barrier.describe());
    }
}
