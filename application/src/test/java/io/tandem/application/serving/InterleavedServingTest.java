package io.tandem.application.serving;

import io.tandem.application.serving.port.in.RankItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RequestContext;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.interleaving.Team;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tandem.application.serving.ServingFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving inside an interleaving experiment (ADR-0024, "Interleaving"), on lambda fakes: both variants rank the
 * request, the team draft merges their lists (the same list for the same request id), every item is recorded with the
 * team that drafted it, and a side that fails leaves the other to answer alone, saying so, with no teams recorded.
 */
class InterleavedServingTest {

    private static final Instant SERVED = Instant.parse("2026-12-07T09:00:00Z");

    private final ServingFixture fixture = new ServingFixture().withChampion();
    private final List<ServedList> recorded = new CopyOnWriteArrayList<>();
    private Assignment assignment;

    InterleavedServingTest() {
        fixture.experiments = new ServingExperiments(query -> Optional.ofNullable(assignment), recorded::add,
                Clock.fixed(SERVED, ZoneOffset.UTC));
    }

    private UserId interleaving(VariantModel a, VariantModel b) {
        assignment = Assignment.interleaved("il-1", List.of(new Variant("a", 0.5, a, ServingOptions.DEFAULTS),
                new Variant("b", 0.5, b, ServingOptions.DEFAULTS)), 0.3);
        return fixture.user("u1", List.of(4), Set.of());
    }

    private Recommendation recommend(UserId user, int count, String requestId) {
        return new RecommendItemsService(fixture.dependencies()).recommend(new RecommendItemsQuery(user, count,
                Optional.empty(), Set.of(), false, 0.0, new RequestContext(Optional.of(requestId), Optional.empty())));
    }

    @Test
    void bothVariantsItemsAreMergedWithTheirTeamsRecordedAndTheSameRequestGetsTheSameList() {
        UserId user = interleaving(VariantModel.champion(), VariantModel.ruleBasedFallback());

        Recommendation answer = recommend(user, 4, "req-1");

        assertThat(answer.assignment().map(Assignment::group)).contains(ExperimentDesign.INTERLEAVED);
        assertThat(answer.fallback().used()).as("a rules variant is not a failure").isFalse();
        assertThat(ids(answer.items())).hasSize(4)
                .anyMatch(id -> id.startsWith("rule-")).anyMatch(id -> id.startsWith("i"));
        assertThat(answer.items()).extracting(item -> item.rank()).containsExactly(1, 2, 3, 4);
        assertThat(recorded).hasSize(1);
        ServedList list = recorded.get(0);
        assertThat(list.variant()).isEqualTo(ExperimentDesign.INTERLEAVED);
        assertThat(list.interleaved()).isTrue();
        assertThat(list.items()).extracting(ServedItem::item)
                .containsExactlyElementsOf(answer.items().stream().map(item -> item.item()).toList());
        for (ServedItem item : list.items()) {
            Team expected = item.item().value().startsWith("rule-") ? Team.B : Team.A;
            assertThat(item.team()).as(item.item().value()).contains(expected);
        }
        long picksA = list.items().stream().filter(item -> item.team().orElseThrow() == Team.A).count();
        assertThat(picksA).as("each pair of places holds one pick of each team").isEqualTo(2);

        for (int again = 0; again < 3; again++) {
            assertThat(ids(recommend(user, 4, "req-1").items())).isEqualTo(ids(answer.items()));
        }
        Set<List<String>> orders = new HashSet<>();
        for (int request = 0; request < 40; request++) {
            orders.add(ids(recommend(user, 4, "other-" + request).items()));
        }
        assertThat(orders).as("the coin flips differ between requests").hasSizeGreaterThan(1);
    }

    @Test
    void aSideThatCannotServeLeavesTheOtherToAnswerAloneSayingSoAndDecidesNothing() {
        fixture.withCandidate("v2");
        UserId user = interleaving(VariantModel.champion(), VariantModel.version(ServingFixture.MODEL, "v9"));

        Recommendation answer = recommend(user, 3, "req-2");

        assertThat(ids(answer.items())).containsExactly("i7", "i6", "i5");
        assertThat(answer.fallback().used()).isTrue();
        assertThat(answer.fallback().reason().orElseThrow()).contains("v9").contains("variant 'a'")
                .contains("answered alone");
        ServedList list = recorded.get(0);
        assertThat(list.interleaved()).isFalse();
        assertThat(list.fallback()).isTrue();
        assertThat(list.items()).extracting(ServedItem::team).containsOnly(Optional.empty());
    }

    @Test
    void aReRankInterleavesTheTwoOrdersOfTheCallersList() {
        UserId user = interleaving(VariantModel.champion(), VariantModel.ruleBasedFallback());
        List<ItemId> given = List.of(ItemId.of("i1"), ItemId.of("i5"), ItemId.of("i7"));

        Recommendation answer = new RankItemsService(fixture.dependencies()).rank(new RankItemsQuery(user, given,
                false, new RequestContext(Optional.of("req-3"), Optional.empty())));

        assertThat(ids(answer.items())).containsExactlyInAnyOrder("i1", "i5", "i7");
        assertThat(recorded.get(0).interleaved()).isTrue();
    }
}
