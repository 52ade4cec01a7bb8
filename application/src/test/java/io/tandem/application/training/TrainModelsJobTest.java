package io.tandem.application.training;

import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.application.ingestion.port.out.FlushLakePort;
import io.tandem.application.jobs.port.out.RunJobPort;
import io.tandem.application.registry.Versions;
import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.application.serving.port.in.RefreshServingModelUseCase;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionDecision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainModelsJobTest {

    private static final String MODEL = "two-stage";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final TrainModelsCommand COMMAND =
            TrainModelsCommand.wholeLake(MODEL, HoldOutWindow.latestShare(0.1), 42L);

    /** The log's end, moved by each test as events are "acknowledged". */
    private final AtomicLong logEnd = new AtomicLong();
    /** What the lake holds: the archiver reaches the barrier unless a test holds it back. */
    private final AtomicLong archivedUpTo = new AtomicLong(Long.MAX_VALUE);
    private final List<EventLogPosition> flushedTo = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private final List<Double> fractions = new ArrayList<>();
    /** How many flushes had happened when training began; -1 while it never began. */
    private final AtomicLong trainedAfterFlushes = new AtomicLong(-1);
    private final AtomicReference<Optional<ModelRef>> champion = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Optional<ModelRef>> served = new AtomicReference<>(Optional.empty());
    private boolean servingRefuses;

    private final FlushLakePort flushLake = (barrier, timeout) -> {
        flushedTo.add(barrier);
        return EventLogPosition.single(Math.min(archivedUpTo.get(), barrier.next(0)));
    };
    private final RefreshServingModelUseCase serving = () -> {
        if (servingRefuses) {
            return new ServingModelStatus(served.get(), Optional.of("two-stage v2: artifact ranker.onnx is missing"));
        }
        served.set(champion.get());
        return new ServingModelStatus(served.get(), Optional.empty());
    };

    @Test
    void theBarrierIsTheLogsEndWhenTheJobIsQueuedAndTheLakeIsFlushedToItBeforeTraining() {
        TrainModelsJob job = job(winning("v2"));
        logEnd.set(5_000);

        RunJobPort queued = job.queued();
        logEnd.set(9_000);
        String outcome = queued.run(this::progress);

        assertThat(flushedTo).containsExactly(EventLogPosition.single(5_000));
        assertThat(trainedAfterFlushes.get()).isEqualTo(1);
        assertThat(outcome).contains("registered two-stage v2").contains("; trained on 100 lake events (event log read to partition 0 at 5000)")
                .endsWith("; live on this instance");
        assertThat(steps.get(0)).startsWith("barrier: waiting").contains("partition 0 at 5000");
        assertThat(fractions).isSorted().first().isEqualTo(0.0);
        assertThat(fractions).last().isEqualTo(1.0);
    }

    @Test
    void aLakeThatCannotReachTheBarrierFailsTheJobBeforeTrainingSayingHowFarItGot() {
        TrainModelsJob job = job(winning("v2"));
        logEnd.set(5_000);
        archivedUpTo.set(3_000);

        RunJobPort queued = job.queued();

        assertThatThrownBy(() -> queued.run(this::progress))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("barrier: the lake archiver did not write every event acknowledged")
                .hasMessageContaining("within 3 s")
                .hasMessageContaining("event log at partition 0 at 5000")
                .hasMessageContaining("up to partition 0 at 3000");
        assertThat(trainedAfterFlushes.get()).isEqualTo(-1);
    }

    @Test
    void aPromotedVersionServesHereBeforeTheJobSucceeds() {
        TrainModelsJob job = job(winning("v2"));

        String outcome = job.queued().run(this::progress);

        assertThat(served.get()).contains(new ModelRef(MODEL, "v2"));
        assertThat(outcome).endsWith("; live on this instance");
        assertThat(steps).anyMatch(step -> step.startsWith("live: swapping two-stage v2"));
        assertThat(steps).last().isEqualTo("live: two-stage v2 serves on this instance");
    }

    @Test
    void aPromotedVersionThisInstanceCannotServeFailsTheJobWithTheReason() {
        servingRefuses = true;
        TrainModelsJob job = job(winning("v2"));

        assertThatThrownBy(() -> job.queued().run(this::progress))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("live: two-stage v2 is the champion but this instance does not serve it")
                .hasMessageContaining("artifact ranker.onnx is missing");
    }

    @Test
    void aVersionThatDidNotWinSucceedsSayingTheChampionIsUnchanged() {
        champion.set(Optional.of(new ModelRef(MODEL, "v1")));
        TrainModelsJob job = job(losing("v2"));

        String outcome = job.queued().run(this::progress);

        assertThat(outcome).contains("candidate").contains("not promoted, the champion is unchanged (v1 serves)");
        assertThat(served.get()).contains(new ModelRef(MODEL, "v1"));
    }

    @Test
    void aRunNotQueuedTakesTheLogsEndWhenItStarts() {
        TrainModelsJob job = job(winning("v2"));
        logEnd.set(42);

        job.run(this::progress);

        assertThat(flushedTo).containsExactly(EventLogPosition.single(42));
    }

    @Test
    void theBarrierTimeoutMustBePositive() {
        assertThatThrownBy(() -> new TrainModelsJob(command -> report(winning("v")), COMMAND,
                () -> EventLogPosition.single(0), flushLake, Duration.ZERO, serving))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPositionCoversABarrierWhenItIsAtOrPastItInEveryPartitionOfTheBarrier() {
        EventLogPosition barrier = new EventLogPosition(Map.of(0, 10L, 1, 5L));

        assertThat(new EventLogPosition(Map.of(0, 10L, 1, 7L, 2, 1L)).covers(barrier)).isTrue();
        assertThat(new EventLogPosition(Map.of(0, 10L)).covers(barrier)).isFalse();
        assertThat(new EventLogPosition(Map.of(0, 9L, 1, 5L)).covers(barrier)).isFalse();
        assertThat(new EventLogPosition(Map.of()).covers(new EventLogPosition(Map.of(3, 0L)))).isTrue();
        assertThat(barrier.describe()).isEqualTo("partition 0 at 10, partition 1 at 5");
    }

    private TrainModelsJob job(ModelVersion version) {
        TrainModelsUseCase train = command -> {
            trainedAfterFlushes.set(flushedTo.size());
            command.progress().report(0.0, "reading the lake");
            command.progress().report(1.0, "done");
            if (version.stage() == ModelStage.CHAMPION) {
                champion.set(Optional.of(version.ref()));
            }
            return report(version);
        };
        return new TrainModelsJob(train, COMMAND, () -> EventLogPosition.single(logEnd.get()), flushLake, TIMEOUT,
                serving);
    }

    private void progress(double fraction, String step) {
        fractions.add(fraction);
        steps.add(step);
    }

    private static ModelVersion winning(String version) {
        return Versions.ranker(MODEL, version, 0.4).withStage(ModelStage.CHAMPION);
    }

    private static ModelVersion losing(String version) {
        return Versions.ranker(MODEL, version, 0.1);
    }

    private static TrainingReport report(ModelVersion version) {
        boolean promoted = version.stage() == ModelStage.CHAMPION;
        PromotionOutcome outcome = promoted
                ? new PromotionOutcome(new PromotionDecision(true, "first champion"),
                        Optional.of(new ChampionChange(version, Optional.empty())))
                : new PromotionOutcome(new PromotionDecision(false, "ndcg@10 0.1000 does not beat 0.4000"),
                        Optional.empty());
        return new TrainingReport(version, outcome, Optional.empty(), 100, 10, 10, 90, 10, 5, 0.1);
    }
}
