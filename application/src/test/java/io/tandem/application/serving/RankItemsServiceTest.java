package io.tandem.application.serving;

import io.tandem.application.serving.port.in.RankItemsQuery;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static io.tandem.application.serving.ServingFixture.id;
import static io.tandem.application.serving.ServingFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** The re-rank request path on lambda fakes of its ports. */
class RankItemsServiceTest {

    private static final List<ItemId> GIVEN = List.of(id(1), ItemId.of("x"), id(5), id(2), ItemId.of("y"));

    private final ServingFixture fixture = new ServingFixture().withChampion();
    private final UserId user = fixture.user("u1", List.of(4), Set.of());

    @Test
    void theRankerOrdersTheKnownItemsAndTheUnknownFollowInTheCallersOrder() {
        Recommendation answer = rank(false);

        assertThat(ids(answer.items())).containsExactly("i5", "i2", "i1", "x", "y");
        assertThat(answer.items()).extracting(item -> item.rank()).containsExactly(1, 2, 3, 4, 5);
        assertThat(answer.items().get(3).score()).as("below the last ranked item").isEqualTo(0.0);
        assertThat(answer.items().get(3).sources()).isEmpty();
        assertThat(answer.model()).contains(new ModelRef(ServingFixture.MODEL, "v1"));
        assertThat(answer.fallback().used()).isFalse();
        assertThat(fixture.catalogReads.get()).as("the caller chose the list: no catalog read").isZero();
    }

    @Test
    void explanationsAreGivenOnlyWhenAsked() {
        assertThat(rank(true).items().get(0).explanation()).containsEntry("ranker.score", 5.0)
                .containsKey("popular.rank");
        assertThat(rank(false).items().get(0).explanation()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection refused", "no answer within 30 ms"})
    void theListComesBackAsGivenWhenTheOnlineStoreFailsOrTimesOut(String detail) {
        fixture.onlineStoreFailure = new IllegalStateException(detail);

        assertAsGiven(rank(false), "online store unavailable: " + detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORT_RUNTIME_EXCEPTION", "no answer within 30 ms"})
    void theListComesBackAsGivenWhenTheScorerFailsOrTimesOut(String detail) {
        fixture.scorerFailure = new IllegalStateException(detail);

        assertAsGiven(rank(false), "scorer unavailable: " + detail);
    }

    @Test
    void theListComesBackAsGivenWithoutAModel() {
        ServingFixture untrained = new ServingFixture();

        assertAsGiven(new RankItemsService(untrained.dependencies()).rank(new RankItemsQuery(user, GIVEN, false)),
                "no model");
    }

    private static void assertAsGiven(Recommendation answer, String reason) {
        assertThat(ids(answer.items())).containsExactly("i1", "x", "i5", "i2", "y");
        assertThat(answer.items()).extracting(item -> item.score()).containsExactly(1.0, 0.5, 1.0 / 3, 0.25, 0.2);
        assertThat(answer.fallback().reason()).contains(reason);
        assertThat(answer.model()).isEmpty();
    }

    private Recommendation rank(boolean explain) {
        return new RankItemsService(fixture.dependencies()).rank(new RankItemsQuery(user, GIVEN, explain));
    }
}
