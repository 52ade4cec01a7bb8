package io.tandem.application.serving;

import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RequestContext;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static io.tandem.application.catalog.ItemFixture.anItem;
import static io.tandem.application.serving.ServingFixture.NOW;
import static io.tandem.application.serving.ServingFixture.id;
import static io.tandem.application.serving.ServingFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recommend request path on lambda fakes of its ports: ranking, filters, exploration and the fallback. */
class RecommendItemsServiceTest {

    private final ServingFixture fixture = new ServingFixture().withChampion();

    @Test
    void theRankerOrdersTheCandidatesNotTheRetrievers() {
        UserId user = fixture.user("u1", List.of(4), Set.of());

        Recommendation answer = recommend(query(user, 3));

        // Popularity proposes i0 first; the ranker reverses it. i4 is the user's own.
        assertThat(ids(answer.items())).containsExactly("i7", "i6", "i5");
        assertThat(answer.items()).extracting(item -> item.rank()).containsExactly(1, 2, 3);
        assertThat(answer.items()).extracting(item -> item.score()).containsExactly(7.0, 6.0, 5.0);
        assertThat(answer.model()).contains(new ModelRef(ServingFixture.MODEL, "v1"));
        assertThat(answer.fallback().used()).isFalse();
        assertThat(answer.requestId()).isEqualTo("request-1");
        assertThat(fixture.rankerCalls.get()).as("one batched ranker call").isEqualTo(1);
        assertThat(fixture.catalogReads.get()).as("one batched catalog read").isEqualTo(1);
    }

    @Test
    void sourcesAreTheRetrieversThatRankedTheItem() {
        UserId reader = fixture.user("reader", List.of(4), Set.of());
        UserId newcomer = fixture.user("newcomer", List.of(), Set.of());

        assertThat(recommend(query(reader, 1)).items().get(0).sources()).containsExactly("popular", "neighbours");
        // Neighbours of an empty history score every item alike: they ranked nothing.
        assertThat(recommend(query(newcomer, 1)).items().get(0).sources()).containsExactly("popular");
    }

    @Test
    void neverServesWhatTheUserActedOnOrWhatTheCallerExcludes() {
        // i6 was hidden (seen, not liked), i5 liked; the caller excludes i3.
        UserId user = fixture.user("u1", List.of(5), Set.of(id(6)));

        Recommendation answer = recommend(new RecommendItemsQuery(user, 3, Optional.empty(), Set.of(id(3))));

        assertThat(ids(answer.items())).containsExactly("i7", "i4", "i2");
    }

    @Test
    void neverServesAnItemTheCatalogDoesNotHoldOrHoldsAsUnavailable() {
        UserId user = fixture.user("u1", List.of(), Set.of());
        fixture.catalog.remove(id(7));
        Item six = fixture.catalog.get(id(6));
        fixture.addToCatalog(anItem(six.id().value()).categories(six.categories()).tags(six.tags())
                .createdAt(six.createdAt()).unavailable().build());

        assertThat(ids(recommend(query(user, 2)).items())).containsExactly("i5", "i4");
    }

    @Test
    void aCategoryKeepsItsOwnItemsAndTheRulesFillWhatTheFiltersAte() {
        UserId user = fixture.user("u1", List.of(4), Set.of());

        Recommendation answer = recommend(new RecommendItemsQuery(user, 4, Optional.of("drama"), Set.of()));

        // Dramas: i4 (liked), i5, i6; two left for four places.
        assertThat(ids(answer.items())).containsExactly("i6", "i5", "rule-0", "rule-1");
        assertThat(answer.items()).extracting(item -> item.rank()).containsExactly(1, 2, 3, 4);
        assertThat(answer.fallback().used()).as("the model answered; the rules only filled up").isFalse();
        FallbackQuery asked = fixture.ruleQueries.get(0);
        assertThat(asked.count()).isEqualTo(2);
        assertThat(asked.category()).contains("drama");
        assertThat(asked.unwanted()).contains(id(4), id(5), id(6));
        assertThat(asked.userCategories()).containsExactly("drama");
    }

    @Test
    void diversityLiftsAnItemOfAnotherCategoryIntoTheTopPlaces() {
        // Comedies (i0-i3) score highest now.
        float[] byPopularity = {7f, 6f, 5f, 4f, 3f, 2f, 1f, 0f};
        System.arraycopy(byPopularity, 0, fixture.rankerScores, 0, byPopularity.length);
        UserId user = fixture.user("u1", List.of(), Set.of());

        Recommendation plain = recommend(query(user, 2));
        Recommendation diverse = recommend(new RecommendItemsQuery(user, 2, Optional.empty(), Set.of(), false, 0.5));

        assertThat(ids(plain.items())).containsExactly("i0", "i1");
        assertThat(ids(diverse.items())).containsExactly("i0", "i4");
    }

    @Test
    void freshItemsTheModelHasNotSeenTakeTheirSlotsAfterTheRankedOnes() {
        fixture.settings = new ServingSettings(500, 5, 1);
        fixture.addToCatalog(Item.of(ItemId.of("new-1"), Set.of("comedy"), NOW));
        UserId user = fixture.user("u1", List.of(), Set.of());

        Recommendation answer = recommendWith(fixture.dependencies(), query(user, 3));

        assertThat(ids(answer.items())).containsExactly("i7", "i6", "new-1");
        assertThat(answer.items().get(2).sources()).containsExactly(RecommendItemsService.FRESH_SOURCE);
        assertThat(answer.items().get(2).score()).as("the lowest ranked score").isEqualTo(6.0);
    }

    @Test
    void theCandidatesSettingBoundsHowManyCandidatesTheModelRanks() {
        UserId user = fixture.user("u1", List.of(), Set.of());
        RecommendItemsQuery everything = new RecommendItemsQuery(user, ServingFixture.ITEMS, Optional.empty(),
                Set.of(), true, 0.0);
        assertThat(recommend(everything).items()).allSatisfy(item -> assertThat(item.explanation()).isNotEmpty());

        fixture.settings = new ServingSettings(500, 5, 0, 3);
        Recommendation answer = recommend(everything);

        // The model ranks 3 candidates (they carry the features it scored); the rules fill the rest unexplained.
        assertThat(answer.items().stream().filter(item -> !item.explanation().isEmpty())).hasSize(3);
        assertThat(answer.fallback().used()).isFalse();
    }

    @Test
    void theCandidatesSettingIsValidated() {
        assertThatThrownBy(() -> new ServingSettings(500, 20, 0, -1)).hasMessageContaining("tandem.serving.candidates");
        assertThatThrownBy(() -> new ServingSettings(500, 20, 0, ServingSettings.MAX_CANDIDATES + 1))
                .hasMessageContaining("tandem.serving.candidates");
        assertThat(ServingSettings.defaults().candidates()).isZero();
    }

    @Test
    void aRequestThatWaitedLongerThanTheQueueLimitIsAnsweredByTheRulesWithoutRanking() {
        UserId user = fixture.user("u1", List.of(4), Set.of(id(4)));
        fixture.settings = new ServingSettings(500, 5, 0, 0, Duration.ofMillis(20).toNanos());
        int rankerCallsBefore = fixture.rankerCalls.get();

        Recommendation late = recommend(queuedSince(user, System.nanoTime() - Duration.ofSeconds(1).toNanos()));

        assertThat(late.fallback().used()).isTrue();
        assertThat(late.fallback().reason())
                .contains("serving capacity unavailable: the request waited more than 20 ms for a worker");
        assertThat(late.fallback().cause()).contains(FallbackStatus.SERVING_CAPACITY);
        assertThat(fixture.rankerCalls.get()).as("the ranker is not asked").isEqualTo(rankerCallsBefore);
        assertThat(ids(late.items())).as("the rules answer, still without what the user has seen")
                .isNotEmpty().doesNotContain("i4");

        Recommendation onTime = recommend(queuedSince(user, System.nanoTime()));
        assertThat(onTime.fallback().used()).as("%s", onTime.fallback()).isFalse();
        assertThat(fixture.rankerCalls.get()).isGreaterThan(rankerCallsBefore);

        fixture.settings = new ServingSettings(500, 5, 0, 0, 0);
        assertThat(recommend(queuedSince(user, System.nanoTime() - Duration.ofSeconds(1).toNanos())).fallback().used())
                .as("0 lifts the limit").isFalse();
        assertThat(recommend(query(user, 2)).fallback().used()).as("no wait behind busy workers").isFalse();
        assertThatThrownBy(() -> new ServingSettings(500, 5, 0, 0, -1))
                .hasMessageContaining("tandem.serving.max-queue-wait");
    }

    @Test
    void explanationsCarryTheRankerScoreAndTheFeaturesByName() {
        UserId user = fixture.user("u1", List.of(4), Set.of());

        Recommendation answer = recommend(new RecommendItemsQuery(user, 1, Optional.empty(), Set.of(), true, 0.0));

        assertThat(answer.items().get(0).explanation()).containsEntry("ranker.score", 7.0)
                .containsEntry("popular.score", 1.0).containsEntry("neighbours.score", 0.0);
        assertThat(recommend(query(user, 1)).items().get(0).explanation()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection refused", "no answer within 30 ms"})
    void theRulesAnswerWhenTheOnlineStoreFailsOrTimesOutAndTheAnswerNamesIt(String detail) {
        UserId user = fixture.user("u1", List.of(4), Set.of());
        fixture.onlineStoreFailure = new IllegalStateException(detail);

        Recommendation answer = recommend(new RecommendItemsQuery(user, 2, Optional.empty(), Set.of(id(3))));

        assertThat(answer.fallback().reason()).contains("online store unavailable: " + detail);
        assertThat(answer.model()).isEmpty();
        assertThat(ids(answer.items())).containsExactly("rule-0", "rule-1");
        // Without the user's state only the caller's exclusions are known to be unwanted.
        assertThat(fixture.ruleQueries.get(0).unwanted()).containsExactly(id(3));
        assertThat(fixture.rankerCalls.get()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection refused", "no answer within 30 ms", "circuit open after repeated failures"})
    void theRulesAnswerWhenTheCatalogFailsOrTimesOutAndTheAnswerNamesIt(String detail) {
        UserId user = fixture.user("u1", List.of(4), Set.of(id(7)));
        fixture.catalogFailure = new IllegalStateException("catalog: " + detail);

        Recommendation answer = recommend(query(user, 2));

        assertThat(answer.fallback().reason()).contains("catalog unavailable: catalog: " + detail);
        assertThat(answer.model()).isEmpty();
        assertThat(ids(answer.items())).containsExactly("rule-0", "rule-1");
        FallbackQuery asked = fixture.ruleQueries.get(0);
        assertThat(asked.unwanted()).containsExactlyInAnyOrder(id(4), id(7));
        assertThat(asked.userCategories()).as("the model still knows the user's categories").containsExactly("drama");
        assertThat(fixture.rankerCalls.get()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORT_RUNTIME_EXCEPTION", "no answer within 30 ms"})
    void theRulesAnswerWhenTheScorerFailsOrTimesOutAndTheAnswerNamesIt(String detail) {
        UserId user = fixture.user("u1", List.of(4), Set.of());
        fixture.scorerFailure = new IllegalStateException(detail);

        Recommendation answer = recommend(query(user, 2));

        assertThat(answer.fallback().reason()).contains("scorer unavailable: " + detail);
        assertThat(answer.fallback().cause()).contains("scorer");
        assertThat(answer.model()).isEmpty();
        assertThat(ids(answer.items())).containsExactly("rule-0", "rule-1");
    }

    @Test
    void theRulesAnswerWithoutAModel() {
        ServingFixture untrained = new ServingFixture();
        UserId user = untrained.user("u1", List.of(4), Set.of());

        Recommendation answer = recommendWith(untrained.dependencies(), query(user, 2));

        assertThat(answer.fallback().reason()).contains("no model");
        assertThat(ids(answer.items())).containsExactly("rule-0", "rule-1");
        assertThat(untrained.ruleQueries.get(0).unwanted()).containsExactly(id(4));
    }

    @Test
    void aFailureWithoutAMessageSaysFailedAndALongOneIsCut() {
        UserId user = fixture.user("u1", List.of(), Set.of());
        fixture.onlineStoreFailure = new IllegalStateException();

        assertThat(recommend(query(user, 1)).fallback().reason()).contains("online store unavailable: failed");

        fixture.onlineStoreFailure = new IllegalStateException("x".repeat(500));
        assertThat(recommend(query(user, 1)).fallback().reason())
                .contains("online store unavailable: " + "x".repeat(200) + "…");
    }

    @Test
    void anAnswerWithoutItemsSaysWhy() {
        UserId user = fixture.user("u1", List.of(), Set.of());
        fixture.onlineStoreFailure = new IllegalStateException("down");
        fixture.rulesFailure = new IllegalStateException("rules broken");

        Recommendation answer = recommend(query(user, 2));

        assertThat(answer.items()).isEmpty();
        assertThat(answer.fallback().reason()).contains("online store unavailable: down; no candidates");

        fixture.catalog.clear();
        assertThat(recommend(query(user, 2)).fallback().reason())
                .contains("online store unavailable: down; catalog empty");
    }

    private Recommendation recommend(RecommendItemsQuery query) {
        return recommendWith(fixture.dependencies(), query);
    }

    private static Recommendation recommendWith(ServingDependencies dependencies, RecommendItemsQuery query) {
        return new RecommendItemsService(dependencies).recommend(query);
    }

    private static RecommendItemsQuery queuedSince(UserId user, long queuedSinceNanos) {
        return new RecommendItemsQuery(user, 2, Optional.empty(), Set.of(), false, 0.0,
                new RequestContext(Optional.empty(), Optional.empty(), OptionalLong.of(queuedSinceNanos)));
    }

    private static RecommendItemsQuery query(UserId user, int count) {
        return new RecommendItemsQuery(user, count, Optional.empty(), Set.of());
    }
}
