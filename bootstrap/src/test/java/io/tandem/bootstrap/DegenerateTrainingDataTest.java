package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.in.synthetic.SyntheticDemoLoader;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Training on degenerate lakes with the real retrievers, ranker and ONNX export (ADR-0022): each one either trains
 * a version, with a fallback split where time cannot cut, or is refused with an {@link InvalidFieldException} that
 * says why in words, the only kind of failure a job shows as it is; never another exception.
 */
class DegenerateTrainingDataTest {

    private static final Instant ONE_INSTANT = Instant.parse("2026-01-05T12:00:00Z");

    @Test
    void eventsThatAllShareOneTimestampAreCutInEventOrderAndTrain() throws Exception {
        TrainingReport report = trainOn(events -> events.stream().map(e -> at(e, ONE_INSTANT)).toList(),
                SyntheticLake.HOLD_OUT);

        assertThat(report.version().metrics().holdOut()).startsWith("order:");
        assertThat(report.version().metadata()).containsEntry("hold-out.split", "event-order")
                .containsEntry("refit", "true");
        assertThat(report.holdOutRows()).isPositive();
        assertThat(report.trainingRows()).isPositive();
        assertThat(report.version().metrics().value("ndcg@10").getAsDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aLakeOfOneUserIsRefusedInWords() {
        assertRefusedInWords(events -> events.stream().filter(e -> e.user().equals(UserId.of("u00000"))).toList(),
                "holdOut", "nothing to measure a model on");
    }

    @Test
    void aLakeOfOneItemIsRefusedInWords() {
        // Users who first meet the one item in the hold-out can be measured, but no ranker group has a positive.
        assertRefusedInWords(events -> events.stream().filter(e -> e.item().equals(ItemId.of("i00003"))).toList(),
                "train", "the ranker cannot learn");
    }

    @Test
    void aHoldOutOfUsersTheHistoryNeverSawStillTrainsAndIsMeasuredOnThem() throws Exception {
        // Users u00150.. act only 30 days after everybody else: the last 20 days hold exactly them.
        TrainingReport report = trainOn(events -> events.stream()
                .map(e -> e.user().value().compareTo("u00150") >= 0 ? at(e, e.time().plus(Duration.ofDays(30))) : e)
                .toList(), HoldOutWindow.lastDays(20));

        assertThat(report.version().metrics().holdOut()).startsWith("temporal:");
        assertThat(report.evaluatedUsers()).isPositive();
        assertThat(report.version().metrics().value("ndcg@10").getAsDouble()).isBetween(0.0, 1.0);
    }

    private static void assertRefusedInWords(UnaryOperator<List<Event>> reshape, String field, String words) {
        assertThatThrownBy(() -> trainOn(reshape, SyntheticLake.HOLD_OUT))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo(field))
                .hasMessageContaining(words)
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("io.tandem");
    }

    /** Loads the synthetic data set of seed 7 reshaped by {@code reshape} into a fresh Tandem and trains on it. */
    private static TrainingReport trainOn(UnaryOperator<List<Event>> reshape, HoldOutWindow holdOut)
            throws Exception {
        SyntheticDataset generated = SyntheticLake.generate(7L);
        SyntheticDataset dataset = new SyntheticDataset(generated.items(), generated.users(),
                reshape.apply(generated.events()), generated.tastes());
        try (TandemHttp tandem = TandemHttp.start(TandemHttp.isolated())) {
            new SyntheticDemoLoader(tandem.context().getBean(UpsertItemsUseCase.class),
                    tandem.context().getBean(UpsertUsersUseCase.class),
                    tandem.context().getBean(RecordEventsUseCase.class)).load(dataset, done -> { });
            tandem.context().getBean(LocalLogArchiver.class).drain();
            TrainingReport report = tandem.context().getBean(TrainModelsUseCase.class)
                    .train(TrainModelsCommand.wholeLake(SyntheticLake.MODEL, holdOut, 42L));
            // What training records is what the registry answers with.
            TandemHttp.Response versions = tandem.get("/v1/models/" + SyntheticLake.MODEL + "/versions");
            JsonNode metadata = versions.tree().get("versions").get(0).get("metadata");
            assertThat(metadata.get("refit").getStringValue())
                    .isEqualTo(report.version().metadata().get("refit"));
            return report;
        }
    }

    private static Event at(Event event, Instant time) {
        return new Event(event.id(), event.type(), event.user(), event.item(), time, event.value(), event.context());
    }
}
