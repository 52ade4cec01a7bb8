package io.tandem.application.serving;

import io.tandem.application.serving.RequestPipeline.DependencyFailure;
import io.tandem.application.serving.port.in.FindSimilarItemsUseCase;
import io.tandem.application.serving.port.in.SimilarItemsQuery;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Items like a given one: the item as a one-item history, scored by the champion's retrievers that read the
 * history (item neighbours, embeddings), by the sum of their standardised scores. Without a model, for an item the
 * model does not know yet, or when a dependency fails, the rules answer with popular items of the item's
 * categories, and the response says why.
 */
public final class FindSimilarItemsService implements FindSimilarItemsUseCase {

    /** The answer's user when the caller names nobody. */
    private static final UserId NOBODY = new UserId("-");

    private final RequestPipeline pipeline;

    public FindSimilarItemsService(ServingDependencies dependencies) {
        this.pipeline = new RequestPipeline(dependencies);
    }

    @Override
    public Optional<Recommendation> similar(SimilarItemsQuery query) {
        long started = System.nanoTime();
        String requestId = pipeline.requestId(query.context());
        Optional<Assignment> assignment = query.user().flatMap(user -> pipeline.assign(user, query.context()));
        UserId user = query.user().orElse(NOBODY);
        return pipeline.serve(assignment, started, side -> answer(query, requestId, user, side));
    }

    private Optional<Recommendation> answer(SimilarItemsQuery query, String requestId, UserId user,
                                            Optional<Assignment> assignment) {
        Optional<ServingModel> held = pipeline.acquireFor(assignment);
        try {
            // Held even when the rules answer: it tells whether the item is known at all.
            Optional<FallbackStatus> shed = pipeline.overloaded(query.context());
            if (shed.isPresent()) {
                return byRules(requestId, user, query, shed.get(), held);
            }
            Optional<Integer> index = held.flatMap(model -> model.indexOf(query.item()));
            if (held.isPresent() && index.isPresent()) {
                try {
                    return Optional.of(similar(held.get(), index.get(), requestId, user, query, assignment));
                } catch (DependencyFailure failure) {
                    return byRules(requestId, user, query, failure.status(), held);
                }
            }
            return byRules(requestId, user, query, FallbackStatus.usedBecause(held.isEmpty()
                    ? RequestPipeline.whyNoModel(assignment) : "model does not know the item yet"), held);
        } finally {
            held.ifPresent(ServingModel::release);
        }
    }

    private Recommendation similar(ServingModel model, int index, String requestId, UserId user,
                                   SimilarItemsQuery query, Optional<Assignment> assignment) {
        // The item as a one-item history: its neighbours and the items nearest its embedding score highest.
        UserHistory one = new UserHistory(new int[] {index}, new float[] {1f}, new long[] {0L});
        return pipeline.withCandidates(model, one, ExperimentStep.options(assignment).candidatesPerRetriever(),
                found -> similar(model, requestId, user, query, found));
    }

    private Recommendation similar(ServingModel model, String requestId, UserId user, SimilarItemsQuery query,
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
        Map<ItemId, Item> catalog = pipeline.catalogItems(ids);
        List<RankedItem> ranked = new ArrayList<>(query.count());
        for (int p = 0; p < proposed.size() && ranked.size() < query.count(); p++) {
            if (RequestPipeline.servable(catalog.get(ids.get(p)), Optional.empty())) {
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
        return pipeline.answer(requestId, user, ranked, Optional.of(model.ref()), FallbackStatus.notUsed());
    }

    /** Popular items of the item's categories; empty when nobody knows the item. */
    private Optional<Recommendation> byRules(String requestId, UserId user, SimilarItemsQuery query,
                                             FallbackStatus status, Optional<ServingModel> held) {
        List<String> categories;
        Optional<Integer> index = held.flatMap(model -> model.indexOf(query.item()));
        try {
            Optional<Item> item = Optional.ofNullable(pipeline.catalogItems(List.of(query.item())).get(query.item()));
            if (item.isEmpty() && index.isEmpty()) {
                return Optional.empty();
            }
            categories = item.map(i -> List.copyOf(i.categories())).orElse(List.of());
        } catch (RuntimeException e) {
            categories = List.of();
        }
        List<RankedItem> items = pipeline.ruleItems(new FallbackQuery(query.count(), Optional.empty(),
                Set.of(query.item()), categories));
        return Optional.of(pipeline.answer(requestId, user, items, Optional.empty(), status));
    }
}
