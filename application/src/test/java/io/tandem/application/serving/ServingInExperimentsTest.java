package io.tandem.application.serving;

import io.tandem.application.serving.port.in.RankItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RequestContext;
import io.tandem.application.serving.port.in.SimilarItemsQuery;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tandem.application.serving.ServingFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request path inside an experiment (ADRs 0024, 0026), on lambda fakes: the assigned group decides the model
 * (champion, pinned version, rules) and the serving options, the holdout gets the champion, every answer carries
 * its group and its list is recorded under its request id; neither a failed assignment nor a failed recording
 * fails a request.
 */
class ServingInExperimentsTest {

    private static final Instant SERVED = Instant.parse("2026-12-07T09:00:00Z");

    private final ServingFixture fixture = new ServingFixture().withChampion().withCandidate("v2");
    /** The assignment of each user by name; users not in it are outside every experiment. */
    private final Map<String, Assignment> assignments = new HashMap<>();
    private final List<ServedList> recorded = new CopyOnWriteArrayList<>();
    private final List<Optional<String>> askedSurfaces = new CopyOnWriteArrayList<>();

    ServingInExperimentsTest() {
        fixture.experiments = new ServingExperiments(query -> {
            askedSurfaces.add(query.surface());
            return Optional.ofNullable(assignments.get(query.user().value()));
        }, recorded::add, Clock.fixed(SERVED, ZoneOffset.UTC));
    }

    private UserId inVariant(String user, VariantModel model, ServingOptions options) {
        assignments.put(user, new Assignment("ab-1", Optional.of(new Variant("b", 0.5, model, options)), 0.7));
        return fixture.user(user, List.of(4), Set.of());
    }

    private Recommendation recommend(UserId user, int count) {
        return new RecommendItemsService(fixture.dependencies()).recommend(new RecommendItemsQuery(user, count,
                Optional.empty(), Set.of(), false, 0.0, new RequestContext(Optional.empty(), Optional.of("home"))));
    }

    @Test
    void aVariantWithoutAModelIsAnsweredByTheRulesAndItsListIsRecorded() {
        UserId user = inVariant("u1", VariantModel.ruleBasedFallback(), ServingOptions.DEFAULTS);

        Recommendation answer = recommend(user, 3);

        assertThat(answer.fallback().used()).isTrue();
        assertThat(answer.fallback().reason()).contains(RequestPipeline.RULES_VARIANT);
        assertThat(answer.model()).isEmpty();
        assertThat(ids(answer.items())).containsExactly("rule-0", "rule-1", "rule-2");
        assertThat(fixture.rankerCalls.get()).as("the model is not consulted").isZero();
        assertThat(answer.assignment().map(Assignment::group)).contains("b");
        assertThat(askedSurfaces).containsExactly(Optional.of("home"));
        assertThat(recorded).hasSize(1);
        ServedList list = recorded.get(0);
        assertThat(list.requestId()).isEqualTo(answer.requestId());
        assertThat(list.experiment()).isEqualTo("ab-1");
        assertThat(list.variant()).isEqualTo("b");
        assertThat(list.user()).isEqualTo(user);
        assertThat(list.servedAt()).isEqualTo(SERVED);
        assertThat(list.fallback()).isTrue();
        assertThat(list.items()).extracting(ServedItem::item)
                .containsExactly(ItemId.of("rule-0"), ItemId.of("rule-1"), ItemId.of("rule-2"));
        assertThat(list.items()).extracting(ServedItem::position).containsExactly(1, 2, 3);
        assertThat(list.items()).extracting(ServedItem::propensity).containsOnly(1.0);
    }

    @Test
    void theChampionVariantAndTheHoldoutAreServedByTheChampion() {
        UserId inChampion = inVariant("u1", VariantModel.champion(), ServingOptions.DEFAULTS);
        assignments.put("held", new Assignment("ab-1", Optional.empty(), 0.01));
        UserId held = fixture.user("held", List.of(4), Set.of());

        Recommendation champion = recommend(inChampion, 3);
        Recommendation holdout = recommend(held, 3);

        for (Recommendation answer : List.of(champion, holdout)) {
            assertThat(answer.fallback().used()).isFalse();
            assertThat(answer.model()).contains(new ModelRef(ServingFixture.MODEL, "v1"));
            assertThat(ids(answer.items())).containsExactly("i7", "i6", "i5");
        }
        assertThat(holdout.assignment().map(Assignment::group)).contains(Assignment.HOLDOUT);
        assertThat(recorded).extracting(ServedList::variant).containsExactly("b", Assignment.HOLDOUT);
        assertThat(recorded).extracting(ServedList::fallback).containsOnly(false);
    }

    @Test
    void aPinnedVersionServesItselfAndAVersionThatCannotServeFallsBackNamingIt() {
        UserId pinned = inVariant("u1", VariantModel.version(ServingFixture.MODEL, "v2"), ServingOptions.DEFAULTS);

        Recommendation answer = recommend(pinned, 3);

        assertThat(answer.fallback().used()).isFalse();
        assertThat(answer.model()).contains(new ModelRef(ServingFixture.MODEL, "v2"));
        assertThat(ids(answer.items())).containsExactly("i7", "i6", "i5");

        UserId missing = inVariant("u2", VariantModel.version(ServingFixture.MODEL, "v9"), ServingOptions.DEFAULTS);
        Recommendation fallback = recommend(missing, 2);

        assertThat(fallback.fallback().used()).isTrue();
        assertThat(fallback.fallback().reason().orElseThrow()).contains("v9");
        assertThat(ids(fallback.items())).containsExactly("rule-0", "rule-1");
        assertThat(recorded).extracting(ServedList::fallback).containsExactly(false, true);
    }

    @Test
    void moreVersionsThanAreKeptLoadedKeepServingOneAfterAnother() {
        for (String version : List.of("v3", "v4", "v5", "v6")) {
            fixture.withCandidate(version);
        }
        for (String version : List.of("v2", "v3", "v4", "v5", "v6", "v2", "v1")) {
            UserId user = inVariant("u-" + version, VariantModel.version(ServingFixture.MODEL, version),
                    ServingOptions.DEFAULTS);

            Recommendation answer = recommend(user, 2);

            assertThat(answer.model()).as(version).contains(new ModelRef(ServingFixture.MODEL, version));
            assertThat(answer.fallback().used()).isFalse();
        }
    }

    @Test
    void aVariantsExplorationPlacesAndCandidatesPerRetrieverReplaceTheInstanceSettings() {
        fixture.addToCatalog(Item.of(ItemId.of("unplayed"), Set.of("comedy"), ServingFixture.NOW));
        UserId explorer = inVariant("u1", VariantModel.champion(),
                new ServingOptions(OptionalDouble.empty(), OptionalInt.of(1), OptionalInt.empty()));

        Recommendation explored = recommend(explorer, 3);

        // Exploration is off on the instance; the variant gives the last place to the fresh item.
        assertThat(ids(explored.items())).containsExactly("i7", "i6", "unplayed");
        assertThat(explored.items().get(2).sources()).containsExactly(RecommendItemsService.FRESH_SOURCE);

        UserId narrow = inVariant("u2", VariantModel.champion(),
                new ServingOptions(OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.of(1)));

        Recommendation few = recommend(narrow, 4);

        // One candidate from each of the two retrievers: the rules fill the other places.
        assertThat(few.items().stream().filter(item -> !item.item().value().startsWith("rule-")).count())
                .isLessThanOrEqualTo(2);
        assertThat(ids(few.items())).hasSize(4).contains("rule-0");
        assertThat(ids(recommend(fixture.user("outside", List.of(4), Set.of()), 4).items()))
                .as("outside the experiment every candidate counts").doesNotContain("rule-0");
    }

    @Test
    void outsideEveryExperimentNothingIsRecordedAndTheAnswerCarriesNoGroup() {
        UserId user = fixture.user("outside", List.of(4), Set.of());

        Recommendation answer = recommend(user, 3);

        assertThat(answer.assignment()).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void aFailedAssignmentOrRecordingNeverFailsTheRequest() {
        fixture.experiments = new ServingExperiments(query -> {
            throw new IllegalStateException("experiment store away");
        }, recorded::add, Clock.systemUTC());
        UserId user = fixture.user("u1", List.of(4), Set.of());

        Recommendation unassigned = recommend(user, 3);

        assertThat(unassigned.assignment()).isEmpty();
        assertThat(unassigned.fallback().used()).isFalse();
        assertThat(ids(unassigned.items())).containsExactly("i7", "i6", "i5");

        fixture.experiments = new ServingExperiments(query -> Optional.of(new Assignment("ab-1",
                Optional.of(Variant.of("b", 1.0, VariantModel.champion())), 0.5)), list -> {
            throw new IllegalStateException("online store away");
        }, Clock.systemUTC());

        Recommendation unrecorded = recommend(user, 3);

        assertThat(unrecorded.assignment().map(Assignment::group)).contains("b");
        assertThat(ids(unrecorded.items())).containsExactly("i7", "i6", "i5");
    }

    @Test
    void theCallersRequestIdIsUsedAndABadOneIsRefusedNamingIt() {
        UserId user = inVariant("u1", VariantModel.champion(), ServingOptions.DEFAULTS);

        Recommendation answer = new RecommendItemsService(fixture.dependencies()).recommend(
                new RecommendItemsQuery(user, 2, Optional.empty(), Set.of(), false, 0.0,
                        new RequestContext(Optional.of("page-7:slot-2"), Optional.empty())));

        assertThat(answer.requestId()).isEqualTo("page-7:slot-2");
        assertThat(recorded).extracting(ServedList::requestId).containsExactly("page-7:slot-2");
        assertThatThrownBy(() -> new RequestContext(Optional.of("x".repeat(129)), Optional.empty()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("requestId"));
        assertThatThrownBy(() -> new RequestContext(Optional.of(" padded"), Optional.empty()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("requestId"));
        assertThatThrownBy(() -> new RequestContext(Optional.empty(), Optional.of("Home")))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("surface"));
    }

    @Test
    void similarItemsAreAssignedOnlyForANamedUserAndReRanksAlways() {
        inVariant("u1", VariantModel.ruleBasedFallback(), ServingOptions.DEFAULTS);
        FindSimilarItemsService similar = new FindSimilarItemsService(fixture.dependencies());

        Recommendation anonymous = similar.similar(new SimilarItemsQuery(ServingFixture.id(4), 2)).orElseThrow();
        Recommendation named = similar.similar(new SimilarItemsQuery(ServingFixture.id(4), 2,
                Optional.of(new UserId("u1")), RequestContext.NONE)).orElseThrow();

        assertThat(anonymous.assignment()).isEmpty();
        assertThat(anonymous.fallback().used()).isFalse();
        assertThat(named.assignment().map(Assignment::group)).contains("b");
        assertThat(named.fallback().reason()).contains(RequestPipeline.RULES_VARIANT);
        assertThat(named.user()).isEqualTo(new UserId("u1"));

        Recommendation reranked = new RankItemsService(fixture.dependencies()).rank(new RankItemsQuery(
                new UserId("u1"), List.of(ServingFixture.id(1), ServingFixture.id(2)), false, RequestContext.NONE));

        // The rules variant cannot rank: the caller's order comes back, marked as the fallback.
        assertThat(ids(reranked.items())).containsExactly("i1", "i2");
        assertThat(reranked.fallback().reason()).contains(RequestPipeline.RULES_VARIANT);
        assertThat(reranked.assignment().map(Assignment::group)).contains("b");
        assertThat(recorded).extracting(ServedList::requestId)
                .containsExactly(named.requestId(), reranked.requestId());
    }
}
