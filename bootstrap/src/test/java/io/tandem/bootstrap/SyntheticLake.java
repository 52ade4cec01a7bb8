package io.tandem.bootstrap;

import io.tandem.adapters.in.synthetic.SyntheticConfig;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.in.synthetic.SyntheticDatasetGenerator;
import io.tandem.adapters.in.synthetic.SyntheticDemoLoader;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.serving.ServingModels;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated data set, smaller than the demo's, loaded into a running Tandem through the same use cases as the
 * HTTP API and archived into its lake, then the two-stage model trained on it: the start of every test that needs a
 * trained model.
 */
final class SyntheticLake {

    static final String MODEL = "two-stage";
    /** Users {@code u00000} to {@code u00299}. */
    static final int USERS = 300;
    /** The hold-out every test trains with: the latest 20 % of the lake. */
    static final HoldOutWindow HOLD_OUT = HoldOutWindow.latestShare(0.2);

    private SyntheticLake() {
    }

    /** {@link #USERS} users, 150 items and their events over two weeks from 1 January 2026, drawn from {@code seed}. */
    static SyntheticDataset generate(long seed) {
        return SyntheticDatasetGenerator.generate(new SyntheticConfig(seed, USERS, 150, 8, 6, 8,
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(14)));
    }

    /**
     * Loads the data set of {@code seed} through the catalog and event use cases, every event recorded, and drains
     * the event log into the lake.
     */
    static SyntheticDataset load(TandemHttp tandem, long seed) throws Exception {
        SyntheticDataset dataset = generate(seed);
        SyntheticDemoLoader loader = new SyntheticDemoLoader(tandem.context().getBean(UpsertItemsUseCase.class),
                tandem.context().getBean(UpsertUsersUseCase.class),
                tandem.context().getBean(RecordEventsUseCase.class));
        assertThat(loader.load(dataset, done -> { })).isEqualTo(dataset.events().size());
        tandem.context().getBean(LocalLogArchiver.class).drain();
        return dataset;
    }

    /** Trains {@link #MODEL} on the whole lake with {@link #HOLD_OUT} and {@code trainingSeed}. */
    static TrainingReport train(TandemHttp tandem, long trainingSeed) {
        return tandem.context().getBean(TrainModelsUseCase.class)
                .train(TrainModelsCommand.wholeLake(MODEL, HOLD_OUT, trainingSeed));
    }

    /**
     * {@link #load}s the data set of {@code seed}, trains on it (training seed 42) and refreshes serving, which then
     * serves the trained model.
     */
    static SyntheticDataset loadTrainAndServe(TandemHttp tandem, long seed) throws Exception {
        SyntheticDataset dataset = load(tandem, seed);
        train(tandem, 42L);
        assertThat(tandem.context().getBean(ServingModels.class).refresh().serving()).isPresent();
        return dataset;
    }
}
