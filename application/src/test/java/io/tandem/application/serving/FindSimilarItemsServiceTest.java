package io.tandem.application.serving;

import io.tandem.application.serving.port.in.SimilarItemsQuery;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.Set;

import static io.tandem.application.serving.ServingFixture.NOW;
import static io.tandem.application.serving.ServingFixture.id;
import static io.tandem.application.serving.ServingFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** The similar-items request path on lambda fakes of its ports. */
class FindSimilarItemsServiceTest {

    private final ServingFixture fixture = new ServingFixture().withChampion();

    @Test
    void similarItemsAreThoseTheRetrieversThatReadTheHistoryPutNearest() {
        Recommendation answer = similar(id(4), 2).orElseThrow();

        // i3 and i5 sit next to i4; popularity, the same for every history, has no say.
        assertThat(ids(answer.items())).containsExactly("i3", "i5");
        assertThat(answer.items().get(0).sources()).containsExactly("neighbours");
        assertThat(answer.items().get(0).score()).isGreaterThan(answer.items().get(1).score() - 1e-9)
                .isPositive();
        assertThat(answer.model()).contains(new ModelRef(ServingFixture.MODEL, "v1"));
        assertThat(answer.fallback().used()).isFalse();
    }

    @Test
    void onlyAvailableCatalogItemsAreServed() {
        fixture.catalog.remove(id(3));

        assertThat(ids(similar(id(4), 2).orElseThrow().items())).containsExactly("i5", "i0");
    }

    @Test
    void anItemTheModelDoesNotKnowYetGetsPopularItemsOfItsCategories() {
        ItemId fresh = ItemId.of("new-1");
        fixture.addToCatalog(Item.of(fresh, Set.of("drama"), NOW));

        Recommendation answer = similar(fresh, 2).orElseThrow();

        assertThat(answer.fallback().reason()).contains("model does not know the item yet");
        assertThat(ids(answer.items())).containsExactly("rule-0", "rule-1");
        assertThat(fixture.ruleQueries.get(0).userCategories()).containsExactly("drama");
        assertThat(fixture.ruleQueries.get(0).unwanted()).containsExactly(fresh);
    }

    @Test
    void anItemNobodyKnowsHasNoAnswer() {
        assertThat(similar(ItemId.of("nobody-knows"), 2)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection refused", "no answer within 30 ms"})
    void theRulesAnswerWhenTheCatalogFailsOrTimesOutAndTheAnswerNamesIt(String detail) {
        fixture.catalogFailure = new IllegalStateException(detail);

        Recommendation answer = similar(id(4), 2).orElseThrow();

        assertThat(answer.fallback().reason()).contains("catalog unavailable: " + detail);
        assertThat(answer.model()).isEmpty();
        assertThat(ids(answer.items())).containsExactly("rule-0", "rule-1");
        // The catalog cannot tell the item's categories either.
        assertThat(fixture.ruleQueries.get(0).userCategories()).isEmpty();
    }

    @Test
    void theRulesAnswerWithoutAModel() {
        ServingFixture untrained = new ServingFixture();

        Recommendation answer = new FindSimilarItemsService(untrained.dependencies())
                .similar(new SimilarItemsQuery(id(6), 2)).orElseThrow();

        assertThat(answer.fallback().reason()).contains("no model");
        assertThat(untrained.ruleQueries.get(0).userCategories()).containsExactlyInAnyOrder("comedy", "drama");
    }

    private Optional<Recommendation> similar(ItemId item, int count) {
        return new FindSimilarItemsService(fixture.dependencies()).similar(new SimilarItemsQuery(item, count));
    }
}
