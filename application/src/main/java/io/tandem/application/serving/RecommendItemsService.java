package io.tandem.application.serving;

import io.tandem.application.catalog.IndexedItems;
import io.tandem.application.serving.RequestPipeline.DependencyFailure;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.ranking.MaximalMarginalRelevance;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.ranking.ScoreOrder;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.UserCandidates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Top items for a user, by the two-stage system: the user's state from the online store, candidates from the
 * champion's retrievers (item neighbours of the history, the folded-in embedding, category popularity, plus fresh
 * catalog items the model has not seen when exploration is on), the filters (every item the user ever acted on,
 * hidden ones included, {@code exclude}, unavailable items, {@code category}), one batched catalog read, feature
 * rows built by the code that trained the ranker, one batched ranker call, and an optional diversity re-rank.
 * When a dependency fails the rule-based fallback answers and the response names the dependency.
 */
public final class RecommendItemsService implements RecommendItemsUseCase {

    static final String FRESH_SOURCE = "fresh";

    private final RequestPipeline pipeline;

    public RecommendItemsService(ServingDependencies dependencies) {
        this.pipeline = new RequestPipeline(dependencies);
    }

    @Override
    public Recommendation recommend(RecommendItemsQuery query) {
        long started = System.nanoTime();
        String requestId = pipeline.requestId(query.context());
        Optional<Assignment> assignment = pipeline.assign(query.user(), query.context());
        return pipeline.serve(assignment, started, side -> Optional.of(answer(query, requestId, side)))
                .orElseThrow();
    }

    private Recommendation answer(RecommendItemsQuery query, String requestId, Optional<Assignment> assignment) {
        UserState state;
        try {
            state = pipeline.userState(query.user());
        } catch (DependencyFailure failure) {
            return pipeline.fallbackAnswer(requestId, query.user(), rules(query,
                    RequestPipeline.unwanted(UserState.empty(), query.exclude()), List.of()), failure.status());
        }
        Set<ItemId> unwanted = RequestPipeline.unwanted(state, query.exclude());
        ServingOptions options = ExperimentStep.options(assignment);
        return pipeline.onModel(query.context(), assignment, state,
                (model, found) -> ranked(model, requestId, query, options, state, unwanted, found),
                (model, status) -> pipeline.fallbackAnswer(requestId, query.user(), rules(query, unwanted,
                        model.map(m -> RequestPipeline.userCategories(m, state.positives())).orElse(List.of())),
                        status));
    }

    /**
     * The model's answer. A variant's options replace the caller's diversity and the instance's exploration places
     * when it sets them.
     */
    private Recommendation ranked(ServingModel model, String requestId, RecommendItemsQuery query,
                                  ServingOptions options, UserState state, Set<ItemId> unwanted,
                                  UserCandidates found) {
        ServingSettings settings = pipeline.settings();
        int freshSlots = options.explorationPlaces().orElse(settings.freshSlots());
        double diversity = options.diversity().orElse(query.diversity());
        // The unwanted items by model index (few), so the candidates are filtered without a hash of each one's id.
        int[] unwantedIndexes = model.indexesOf(unwanted);
        List<Item> fresh = freshSlots == 0 || settings.freshItems() == 0 ? List.of()
                : pipeline.newestItems(query.category(), settings.freshItems()).stream()
                .filter(item -> model.indexOf(item.id()).isEmpty() && !unwanted.contains(item.id()))
                .toList();
        int[] items = servable(model, found.items(), unwantedIndexes, query.category());
        float[] rows = model.featureRows(found, items);
        float[] scores = pipeline.score(model, rows, items.length);
        // Only the top places are read: the answer's, and the diversity re-rank's window of four per place.
        int[] order = ScoreOrder.highestFirst(scores, query.count() * MaximalMarginalRelevance.WINDOW_PER_PLACE);
        if (diversity > 0) {
            order = MaximalMarginalRelevance.reorder(scores, order, items, model.facets().categories(),
                    query.count(), diversity);
        }
        int freshPlaces = Math.min(Math.min(freshSlots, fresh.size()), query.count());
        int rankedPlaces = Math.min(order.length, query.count() - freshPlaces);
        List<RankedItem> ranked = new ArrayList<>(query.count());
        Set<ItemId> chosen = new HashSet<>();
        for (int r = 0; r < rankedPlaces; r++) {
            int row = order[r];
            int item = items[row];
            ItemId id = model.itemId(item);
            chosen.add(id);
            ranked.add(new RankedItem(id, scores[row], r + 1, RequestPipeline.sources(model, found, item),
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
            for (RankedItem extra : pipeline.ruleItems(new FallbackQuery(query.count() - ranked.size(),
                    query.category(), skip, RequestPipeline.userCategories(model, state.positives())))) {
                ranked.add(extra.atRank(ranked.size() + 1));
            }
        }
        return pipeline.answer(requestId, query.user(), ranked, Optional.of(model.ref()), FallbackStatus.notUsed());
    }

    /**
     * The candidates ({@code candidates}, model indexes) that are wanted and servable, in candidate order: read by
     * index from the in-memory catalog when there is one, else in one batched catalog read.
     */
    private int[] servable(ServingModel model, int[] candidates, int[] unwantedIndexes, Optional<String> category) {
        int[] kept = new int[candidates.length];
        int size = 0;
        Optional<IndexedItems> indexed = pipeline.indexedCatalog(model);
        if (indexed.isPresent()) {
            IndexedItems catalog = indexed.get();
            for (int item : candidates) {
                // Without a category, availability alone decides: the item itself is not read (a cache miss each).
                if (Arrays.binarySearch(unwantedIndexes, item) < 0 && (category.isEmpty() ? catalog.available(item)
                        : RequestPipeline.servable(catalog.at(item), category))) {
                    kept[size++] = item;
                }
            }
            return Arrays.copyOf(kept, size);
        }
        int[] pool = new int[candidates.length];
        List<ItemId> ids = new ArrayList<>(candidates.length);
        int pooled = 0;
        for (int item : candidates) {
            if (Arrays.binarySearch(unwantedIndexes, item) < 0) {
                pool[pooled++] = item;
                ids.add(model.itemId(item));
            }
        }
        Map<ItemId, Item> catalog = pipeline.catalogItems(ids);
        for (int p = 0; p < pooled; p++) {
            if (RequestPipeline.servable(catalog.get(ids.get(p)), category)) {
                kept[size++] = pool[p];
            }
        }
        return Arrays.copyOf(kept, size);
    }

    /** What the rules are asked for when they answer in the model's place. */
    private static FallbackQuery rules(RecommendItemsQuery query, Set<ItemId> unwanted, List<String> userCategories) {
        return new FallbackQuery(query.count(), query.category(), unwanted, userCategories);
    }
}
