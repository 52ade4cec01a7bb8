package io.tandem.bootstrap;

import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.serving.OfflineScoringService;
import io.tandem.application.serving.port.in.RankItemsQuery;
import io.tandem.application.serving.port.in.RankItemsUseCase;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

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
            SyntheticDataset dataset = SyntheticLake.loadTrainAndServe(tandem, 11L);

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
