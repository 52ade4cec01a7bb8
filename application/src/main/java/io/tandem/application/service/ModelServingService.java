package io.tandem.application.service;

import io.tandem.application.port.in.FindSimilarItemsUseCase;
import io.tandem.application.port.in.RankItemsQuery;
import io.tandem.application.port.in.RankItemsUseCase;
import io.tandem.application.port.in.RecommendItemsQuery;
import io.tandem.application.port.in.RecommendItemsUseCase;
import io.tandem.application.port.in.SimilarItemsQuery;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadNewestItemsPort;
import io.tandem.application.port.out.LoadUserStatePort;
import io.tandem.application.port.out.RecommendFallbackPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.MaximalMarginalRelevance;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.ranking.ScoreOrder;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The request path of the two-stage system: the user's state from the online store, candidates from the
 * champion's retrievers (item neighbours of the history, the folded-in embedding, category popularity, plus
 * fresh catalog items the model has not seen when exploration is on), the filters (every item the user ever acted
 * on, hidden ones included, {@code exclude}, unavailable items, {@code category}), one batched catalog read, feature rows built by the code that trained the ranker,
 * one batched ranker call, and an optional diversity re-rank. When a dependency fails (the guards around the
 * ports turn timeouts and open circuits into failures) the rule-based fallback answers and the response names the
 * dependency.
 */
public final class ModelServingService implements RecommendItemsUseCase, FindSimilarItemsUseCase, RankItemsUseCase {

    static final String FRESH_SOURCE = "fresh";
    private static final int MAX_DETAIL = 200;

    private final ServingModels models;
    private final LoadUserStatePort loadUserState;
    private final LoadItemsPort loadItems;
    private final LoadNewestItemsPort loadNewest;
    private final RecommendFallbackPort fallback;
    private final ServingSettings settings;
    private final Supplier<String> requestIds;

    public ModelServingService(ServingModels models, LoadUserStatePort loadUserState, LoadItemsPort loadItems,
                               LoadNewestItemsPort loadNewest, RecommendFallbackPort fallback,
                               ServingSettings settings, Supplier<String> requestIds) {
        this.models = Objects.requireNonNull(models, "models");
        this.loadUserState = Objects.requireNonNull(loadUserState, "loadUserState");
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
        this.loadNewest = Objects.requireNonNull(loadNewest, "loadNewest");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
    }

    @Override
    public Recommendation recommend(RecommendItemsQuery query) {
        String requestId = requestIds.get();
        UserState state;
        try {
            state = loadUserState.userState(query.user(), settings.historyLimit());
        } catch (RuntimeException e) {
            return fallback(requestId, query.user(), query, unwanted(UserState.empty(), query), List.of(),
                    FallbackStatus.unavailable(FallbackStatus.ONLINE_STORE, describe(e)));
        }
        Set<ItemId> unwanted = unwanted(state, query);
        Optional<ServingModel> held = models.acquire();
        if (held.isEmpty()) {
            return fallback(requestId, query.user(), query, unwanted, List.of(),
                    FallbackStatus.usedBecause(FallbackStatus.NO_MODEL));
        }
        ServingModel model = held.get();
        try {
            return recommend(model, requestId, query, state, unwanted);
        } catch (DependencyFailure failure) {
            return fallback(requestId, query.user(), query, unwanted, userCategories(model, state.positives()),
                    failure.status);
        } finally {
            model.release();
        }
    }

    private Recommendation recommend(ServingModel model, String requestId, RecommendItemsQuery query,
                                     UserState state, Set<ItemId> unwanted) {
        UserHistory history = model.history(state.positives());
        UserCandidates found = guard(FallbackStatus.RETRIEVERS, () -> model.candidates(history));
        try {
            return recommend(model, requestId, query, state, unwanted, found);
        } finally {
            model.recycle(found);
        }
    }

    private Recommendation recommend(ServingModel model, String requestId, RecommendItemsQuery query,
                                     UserState state, Set<ItemId> unwanted, UserCandidates found) {
        List<Integer> pool = new ArrayList<>(found.items().length);
        List<ItemId> ids = new ArrayList<>(found.items().length + settings.freshItems());
        for (int item : found.items()) {
            ItemId id = model.itemId(item);
            if (!unwanted.contains(id)) {
                pool.add(item);
                ids.add(id);
            }
        }
        List<Item> fresh = settings.freshSlots() == 0 || settings.freshItems() == 0 ? List.of()
                : guard(FallbackStatus.CATALOG, () -> loadNewest.newestItems(query.category(), settings.freshItems()))
                .stream().filter(item -> model.indexOf(item.id()).isEmpty() && !unwanted.contains(item.id()))
                .toList();
        Map<ItemId, Item> catalog = guard(FallbackStatus.CATALOG, () -> loadItems.loadItems(ids));
        int[] kept = new int[pool.size()];
        int size = 0;
        for (int p = 0; p < pool.size(); p++) {
            if (servable(catalog.get(ids.get(p)), query.category())) {
                kept[size++] = pool.get(p);
            }
        }
        int[] items = Arrays.copyOf(kept, size);
        float[] rows = model.featureRows(found, items);
        float[] scores = guard(FallbackStatus.SCORER, () -> model.score(rows, items.length));
        int[] order = ScoreOrder.highestFirst(scores);
        if (query.diversity() > 0) {
            order = MaximalMarginalRelevance.reorder(scores, order, items, model.facets().categories(),
                    query.count(), query.diversity());
        }
        int freshPlaces = Math.min(Math.min(settings.freshSlots(), fresh.size()), query.count());
        int rankedPlaces = Math.min(order.length, query.count() - freshPlaces);
        List<RankedItem> ranked = new ArrayList<>(query.count());
        Set<ItemId> chosen = new HashSet<>();
        for (int r = 0; r < rankedPlaces; r++) {
            int row = order[r];
            int item = items[row];
            ItemId id = model.itemId(item);
            chosen.add(id);
            ranked.add(new RankedItem(id, scores[row], r + 1, sources(model, found, item),
                    query.explain() ? model.explain(scores[row], rows, row) : Map.of()));
        }
        double floor = ranked.isEmpty() ? 0.0 : ranked.get(ranked.size() - 1).score();
        for (int f = 0; f < freshPlaces; f++) {
            ItemId id = fresh.get(f).id();
            chosen.add(id);
            ranked.add(new RankedItem(id, floor, ranked.size() + 1, List.of(FRESH_SOURCE)));
        }
        if (ranked.size() < query.count()) {
            // The filters ate the candidates (a narrow category, a user who has seen most items): the rules fill up.
            Set<ItemId> skip = new HashSet<>(unwanted);
            skip.addAll(chosen);
            for (RankedItem extra : fallback.recommend(new FallbackQuery(query.count() - ranked.size(),
                    query.category(), skip, userCategories(model, state.positives())))) {
                ranked.add(extra.atRank(ranked.size() + 1));
            }
        }
        return answer(requestId, query.user(), ranked, Optional.of(model.ref()), FallbackStatus.notUsed());
    }

    @Override
    public Optional<Recommendation> similar(SimilarItemsQuery query) {
        String requestId = requestIds.get();
        UserId nobody = new UserId("-");
        Optional<ServingModel> held = models.acquire();
        try {
            Optional<Integer> index = held.flatMap(model -> model.indexOf(query.item()));
            if (held.isPresent() && index.isPresent()) {
                try {
                    return Optional.of(similar(held.get(), index.get(), requestId, nobody, query));
                } catch (DependencyFailure failure) {
                    return similarByRules(requestId, nobody, query, failure.status, held);
                }
            }
            return similarByRules(requestId, nobody, query, FallbackStatus.usedBecause(held.isEmpty()
                    ? FallbackStatus.NO_MODEL : "model does not know the item yet"), held);
        } finally {
            held.ifPresent(ServingModel::release);
        }
    }

    private Recommendation similar(ServingModel model, int index, String requestId, UserId nobody,
                                   SimilarItemsQuery query) {
        // The item as a one-item history: its neighbours and the items nearest its embedding score highest.
        UserHistory one = new UserHistory(new int[] {index}, new float[] {1f}, new long[] {0L});
        UserCandidates found = guard(FallbackStatus.RETRIEVERS, () -> model.candidates(one));
        try {
            return similar(model, requestId, nobody, query, found);
        } finally {
            model.recycle(found);
        }
    }

    private Recommendation similar(ServingModel model, String requestId, UserId nobody, SimilarItemsQuery query,
                                   UserCandidates found) {
        int retrievers = found.retrievers();
        List<Integer> proposed = new ArrayList<>();
        Map<Integer, Float> similarity = new HashMap<>();
        for (int item : found.items()) {
            float sum = 0;
            boolean byPersonal = false;
            for (int m = 0; m < retrievers; m++) {
                if (model.isPersonal(m)) {
                    sum += found.standardised(m, item);
                    byPersonal |= found.proposedBy(m, item);
                }
            }
            if (byPersonal) {
                proposed.add(item);
                similarity.put(item, sum);
            }
        }
        proposed.sort(Comparator.comparing((Integer item) -> -similarity.get(item)).thenComparing(item -> item));
        List<ItemId> ids = proposed.stream().map(model::itemId).toList();
        Map<ItemId, Item> catalog = guard(FallbackStatus.CATALOG, () -> loadItems.loadItems(ids));
        List<RankedItem> ranked = new ArrayList<>(query.count());
        for (int p = 0; p < proposed.size() && ranked.size() < query.count(); p++) {
            if (servable(catalog.get(ids.get(p)), Optional.empty())) {
                int item = proposed.get(p);
                List<String> sources = new ArrayList<>();
                for (int m = 0; m < retrievers; m++) {
                    if (model.isPersonal(m) && found.proposedBy(m, item)) {
                        sources.add(model.retrieverNames().get(m));
                    }
                }
                ranked.add(new RankedItem(ids.get(p), similarity.get(item), ranked.size() + 1, sources));
            }
        }
        return answer(requestId, nobody, ranked, Optional.of(model.ref()), FallbackStatus.notUsed());
    }

    /** Popular items of the item's categories; empty when nobody knows the item. */
    private Optional<Recommendation> similarByRules(String requestId, UserId nobody, SimilarItemsQuery query,
                                                    FallbackStatus status, Optional<ServingModel> held) {
        List<String> categories;
        Optional<Integer> index = held.flatMap(model -> model.indexOf(query.item()));
        try {
            Optional<Item> item = Optional.ofNullable(loadItems.loadItems(List.of(query.item())).get(query.item()));
            if (item.isEmpty() && index.isEmpty()) {
                return Optional.empty();
            }
            categories = item.map(i -> List.copyOf(i.categories())).orElse(List.of());
        } catch (RuntimeException e) {
            categories = List.of();
        }
        List<RankedItem> items = fallback.recommend(new FallbackQuery(query.count(), Optional.empty(),
                Set.of(query.item()), categories));
        return Optional.of(answer(requestId, nobody, items, Optional.empty(), status));
    }

    @Override
    public Recommendation rank(RankItemsQuery query) {
        String requestId = requestIds.get();
        UserState state;
        try {
            state = loadUserState.userState(query.user(), settings.historyLimit());
        } catch (RuntimeException e) {
            return asGiven(requestId, query, FallbackStatus.unavailable(FallbackStatus.ONLINE_STORE, describe(e)));
        }
        Optional<ServingModel> held = models.acquire();
        if (held.isEmpty()) {
            return asGiven(requestId, query, FallbackStatus.usedBecause(FallbackStatus.NO_MODEL));
        }
        ServingModel model = held.get();
        try {
            UserHistory history = model.history(state.positives());
            UserCandidates found = guard(FallbackStatus.RETRIEVERS, () -> model.candidates(history));
            try {
                return rank(model, requestId, query, found);
            } finally {
                model.recycle(found);
            }
        } catch (DependencyFailure failure) {
            return asGiven(requestId, query, failure.status);
        } finally {
            model.release();
        }
    }

    private Recommendation rank(ServingModel model, String requestId, RankItemsQuery query, UserCandidates found) {
        List<Integer> known = new ArrayList<>();
        List<ItemId> unknown = new ArrayList<>();
        for (ItemId id : query.items()) {
            model.indexOf(id).ifPresentOrElse(known::add, () -> unknown.add(id));
        }
        int[] items = known.stream().mapToInt(Integer::intValue).toArray();
        float[] rows = model.featureRows(found, items);
        float[] scores = guard(FallbackStatus.SCORER, () -> model.score(rows, items.length));
        int[] order = ScoreOrder.highestFirst(scores);
        List<RankedItem> ranked = new ArrayList<>(query.items().size());
        for (int row : order) {
            ranked.add(new RankedItem(model.itemId(items[row]), scores[row], ranked.size() + 1,
                    sources(model, found, items[row]),
                    query.explain() ? model.explain(scores[row], rows, row) : Map.of()));
        }
        double floor = ranked.isEmpty() ? 0.0 : ranked.get(ranked.size() - 1).score() - 1.0;
        for (ItemId id : unknown) {
            ranked.add(new RankedItem(id, floor, ranked.size() + 1, List.of()));
        }
        return new Recommendation(requestId, query.user(), ranked, Optional.of(model.ref()),
                FallbackStatus.notUsed());
    }

    /** The caller's list in the caller's order: what a re-rank answers when it cannot rank. */
    private static Recommendation asGiven(String requestId, RankItemsQuery query, FallbackStatus status) {
        List<RankedItem> items = new ArrayList<>(query.items().size());
        for (ItemId id : query.items()) {
            items.add(new RankedItem(id, 1.0 / (items.size() + 1), items.size() + 1, List.of()));
        }
        return new Recommendation(requestId, query.user(), items, Optional.empty(), status);
    }

    private Recommendation fallback(String requestId, UserId user, RecommendItemsQuery query, Set<ItemId> unwanted,
                                    List<String> userCategories, FallbackStatus status) {
        List<RankedItem> items;
        try {
            items = fallback.recommend(new FallbackQuery(query.count(), query.category(), unwanted, userCategories));
        } catch (RuntimeException e) {
            items = List.of();
        }
        return answer(requestId, user, items, Optional.empty(), status);
    }

    /** The answer; one without items says why in its fallback reason ({@code catalog empty}, {@code no candidates}). */
    private Recommendation answer(String requestId, UserId user, List<RankedItem> items, Optional<ModelRef> model,
                                  FallbackStatus status) {
        return new Recommendation(requestId, user, items, model, items.isEmpty() ? status.emptyBecause(whyEmpty())
                : status);
    }

    private String whyEmpty() {
        try {
            return loadNewest.newestItems(Optional.empty(), 1).isEmpty() ? FallbackStatus.CATALOG_EMPTY
                    : FallbackStatus.NO_CANDIDATES;
        } catch (RuntimeException e) {
            return FallbackStatus.NO_CANDIDATES;
        }
    }

    private static Set<ItemId> unwanted(UserState state, RecommendItemsQuery query) {
        Set<ItemId> unwanted = new HashSet<>(state.seen());
        for (PositiveInteraction positive : state.positives()) {
            unwanted.add(positive.item());
        }
        unwanted.addAll(query.exclude());
        return unwanted;
    }

    /** The user's categories by how many of their positive items fall in each, most first. */
    private static List<String> userCategories(ServingModel model, List<PositiveInteraction> positives) {
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
    private static List<String> sources(ServingModel model, UserCandidates found, int item) {
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
    private static boolean servable(Item item, Optional<String> category) {
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
    private static final class DependencyFailure extends RuntimeException {

        private final transient FallbackStatus status;

        DependencyFailure(FallbackStatus status) {
            super(status.reason().orElse(""), null, false, false);
            this.status = status;
        }
    }
}
