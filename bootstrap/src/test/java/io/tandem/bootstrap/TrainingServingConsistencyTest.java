package io.tandem.bootstrap;

import io.tandem.adapters.in.synthetic.SyntheticConfig;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.in.synthetic.SyntheticDatasetGenerator;
import io.tandem.adapters.in.synthetic.SyntheticDemoLoader;
import io.tandem.application.port.in.HoldOutWindow;
import io.tandem.application.port.in.RankItemsQuery;
import io.tandem.application.port.in.RankItemsUseCase;
import io.tandem.application.port.in.RecordEventsUseCase;
import io.tandem.application.port.in.TrainModelsCommand;
import io.tandem.application.port.in.TrainModelsUseCase;
import io.tandem.application.port.in.UpsertItemsUseCase;
import io.tandem.application.port.in.UpsertUsersUseCase;
import io.tandem.application.port.out.LoadUserStatePort;
import io.tandem.application.service.OfflineScoringService;
import io.tandem.application.service.ServingModels;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training/serving consistency check: for the same users at the same moment, the scores serving computes
 * (history from the online store, the request path of {@code POST /v1/rankings}) equal the scores of the offline
 * pipeline (history rebuilt from the lake as training reads it), item by item, to the last bit.
 */
class TrainingServingConsistencyTest {

    @Test
    void servingScoresEqualTheOfflinePipelineScoresForTheSameUsersAndMoment() throws Exception {
        try (TandemHttp tandem = TandemHttp.start(TandemHttp.isolated())) {
            SyntheticDataset dataset = SyntheticDatasetGenerator.generate(new SyntheticConfig(11L, 300, 150, 8, 6, 8,
                    Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(14)));
            new SyntheticDemoLoader(tandem.context().getBean(UpsertItemsUseCase.class),
                    tandem.context().getBean(UpsertUsersUseCase.class),
                    tandem.context().getBean(RecordEventsUseCase.class)).load(dataset, done -> { });
            tandem.context().getBean(LocalLogArchiver.class).drain();
            tandem.context().getBean(TrainModelsUseCase.class)
                    .train(TrainModelsCommand.wholeLake("two-stage", HoldOutWindow.latestShare(0.2), 42L));
            assertThat(tandem.context().getBean(ServingModels.class).refresh().serving()).isPresent();

            RankItemsUseCase serving = tandem.context().getBean(RankItemsUseCase.class);
            OfflineScoringService offline = tandem.context().getBean(OfflineScoringService.class);
            LoadUserStatePort online = tandem.context().getBean(LoadUserStatePort.class);
            SplittableRandom random = new SplittableRandom(5);
            int withHistory = 0;
            int compared = 0;
            for (int u = 0; u < 25; u++) {
                UserId user = dataset.users().get(random.nextInt(dataset.users().size())).id();
                List<ItemId> items = new ArrayList<>();
                while (items.size() < 30) {
                    ItemId item = dataset.items().get(random.nextInt(dataset.items().size())).id();
                    if (!items.contains(item)) {
                        items.add(item);
                    }
                }
                Recommendation served = serving.rank(new RankItemsQuery(user, items, false));
                Map<ItemId, Float> expected = offline.scores(user, items);

                assertThat(served.fallback().used()).as(served.fallback().toString()).isFalse();
                assertThat(expected).isNotEmpty();
                for (RankedItem item : served.items()) {
                    if (expected.containsKey(item.item())) {
                        assertThat((float) item.score()).as("user %s item %s", user.value(), item.item().value())
                                .isEqualTo(expected.get(item.item()));
                        compared++;
                    }
                }
                if (!online.userState(user, 500).positives().isEmpty()) {
                    withHistory++;
                }
            }
            // The check means something only when users have histories and the scores vary.
            assertThat(withHistory).isGreaterThan(15);
            assertThat(compared).isGreaterThan(500);
        }
    }
}
