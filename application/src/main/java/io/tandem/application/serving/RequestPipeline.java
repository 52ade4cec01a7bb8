package io.tandem.application.serving;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps the serving use cases share: each dependency read behind a guard that turns its failure into a
 * {@link DependencyFailure} naming it (online store, retrievers, catalog, scorer), the filters (what the user
 * already acted on, what the caller excludes, what the catalog cannot serve), the rule-based fallback and the
 * answer, which says why when it holds no items.
 */
final class RequestPipeline {

    private static final int MAX_DETAIL = 200;

    private final ServingDependencies dependencies;

    RequestPipeline(ServingDependencies dependencies) {
        this.dependencies = dependencies;
    }

    String requestId() {
        return dependencies.requestIds().get();
    }

    ServingSettings settings() {
        return dependencies.settings();
    }

    /** The champion, held until {@link ServingModel#release()}; empty while none serves. */
    Optional<ServingModel> acquireModel() {
        return dependencies.models().acquire();
    }

    /** The user's state from the online store, at most the configured history. */
    UserState userState(UserId user) {
        return guard(FallbackStatus.ONLINE_STORE,
                () -> dependencies.userState().userState(user, dependencies.settings().historyLimit()));
    }

    /**
     * The model path of a user with {@code state}: {@code ranked} answers from the champion and the candidates of
     * the user's history. Without a champion, or when a dependency on the way fails, {@code fallback} answers with
     * the status that says why, given the champion when there is one. The champion is held until the answer is
     * made.
     */
    <T> T onChampion(UserState state, BiFunction<ServingModel, UserCandidates, T> ranked,
                     BiFunction<Optional<ServingModel>, FallbackStatus, T> fallback) {
        Optional<ServingModel> held = acquireModel();
        if (held.isEmpty()) {
            return fallback.apply(held, FallbackStatus.usedBecause(FallbackStatus.NO_MODEL));
        }
        ServingModel model = held.get();
        try {
            return withCandidates(model, model.history(state.positives()), found -> ranked.apply(model, found));
        } catch (DependencyFailure failure) {
            return fallback.apply(held, failure.status());
        } finally {
            model.release();
        }
    }

    /**
     * Runs {@code use} on the candidates of a user with {@code history}, and hands their score vectors back to the
     * model afterwards, whatever {@code use} does.
     */
    <T> T withCandidates(ServingModel model, UserHistory history, Function<UserCandidates, T> use) {
        UserCandidates found = guard(FallbackStatus.RETRIEVERS, () -> model.candidates(history));
        try {
            return use.apply(found);
        } finally {
            model.recycle(found);
        }
    }

    /** One batched catalog read; ids the catalog does not hold are absent. */
    Map<ItemId, Item> catalogItems(Collection<ItemId> ids) {
        return guard(FallbackStatus.CATALOG, () -> dependencies.items().loadItems(ids));
    }

    /** The newest available catalog items, optionally of one category. */
    List<Item> newestItems(Optional<String> category, int limit) {
        return guard(FallbackStatus.CATALOG, () -> dependencies.newest().newestItems(category, limit));
    }

    /** One batched ranker call over {@code rows}. */
    float[] score(ServingModel model, float[] rows, int count) {
        return guard(FallbackStatus.SCORER, () -> model.score(rows, count));
    }

    /** The rules' items for {@code query}; the rules answer from local state, so a failure here is the caller's. */
    List<RankedItem> ruleItems(FallbackQuery query) {
        return dependencies.fallback().recommend(query);
    }

    /** The rules' answer when the model path failed with {@code status}; no items if even the rules fail. */
    Recommendation fallbackAnswer(String requestId, UserId user, FallbackQuery query, FallbackStatus status) {
        List<RankedItem> items;
        try {
            items = ruleItems(query);
        } catch (RuntimeException e) {
            items = List.of();
        }
        return answer(requestId, user, items, Optional.empty(), status);
    }

    /** The answer; one without items says why in its fallback reason ({@code catalog empty}, {@code no candidates}). */
    Recommendation answer(String requestId, UserId user, List<RankedItem> items, Optional<ModelRef> model,
                          FallbackStatus status) {
        return new Recommendation(requestId, user, items, model, items.isEmpty() ? status.emptyBecause(whyEmpty())
                : status);
    }

    private String whyEmpty() {
        try {
            return dependencies.newest().newestItems(Optional.empty(), 1).isEmpty() ? FallbackStatus.CATALOG_EMPTY
                    : FallbackStatus.NO_CANDIDATES;
        } catch (RuntimeException e) {
            return FallbackStatus.NO_CANDIDATES;
        }
    }

    /** Every item the user ever acted on (hidden ones included) and every item the caller excludes. */
    static Set<ItemId> unwanted(UserState state, Set<ItemId> exclude) {
        Set<ItemId> unwanted = new HashSet<>(state.seen());
        for (PositiveInteraction positive : state.positives()) {
            unwanted.add(positive.item());
        }
        unwanted.addAll(exclude);
        return unwanted;
    }

    /** The user's categories by how many of their positive items fall in each, most first. */
    static List<String> userCategories(ServingModel model, List<PositiveInteraction> positives) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PositiveInteraction positive : positives) {
            model.indexOf(positive.item()).ifPresent(item -> {
                for (int category : model.facets().categories()[item]) {
                    counts.merge(model.facets().categoryNames().get(category), 1, Integer::sum);
                }
            });
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The retrievers that put {@code item} in their top list. */
    static List<String> sources(ServingModel model, UserCandidates found, int item) {
        List<String> sources = new ArrayList<>(found.retrievers());
        for (int m = 0; m < found.retrievers(); m++) {
            // A retriever whose scores are all equal for this user (item neighbours of an empty history)
            // ranked nothing: it is no source.
            if (found.proposedBy(m, item) && found.deviation(m) > 0) {
                sources.add(model.retrieverNames().get(m));
            }
        }
        return sources;
    }

    /**
     * Only catalog items are served, and only while available and, when a category is asked for, in it. An item
     * known only from events still counts for learning, but is not shown until the catalog knows it: an event's
     * item id is whatever a client sent (ADR-0019).
     */
    static boolean servable(Item item, Optional<String> category) {
        return item != null && item.available() && category.map(item::inCategory).orElse(true);
    }

    private static <T> T guard(String dependency, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new DependencyFailure(FallbackStatus.unavailable(dependency, describe(e)));
        }
    }

    private static String describe(RuntimeException e) {
        // Never the exception's type: a response names no class (ADR-0019).
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "failed" : e.getMessage();
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
    }

    /** A dependency failed on the model path: the fallback answers with this status. */
    static final class DependencyFailure extends RuntimeException {

        private final transient FallbackStatus status;

        DependencyFailure(FallbackStatus status) {
            super(status.reason().orElse(""), null, false, false);
            this.status = status;
        }

        FallbackStatus status() {
            return status;
        }
    }
}
