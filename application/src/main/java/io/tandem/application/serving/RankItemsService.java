package io.tandem.application.serving;

import io.tandem.application.serving.RequestPipeline.DependencyFailure;
import io.tandem.application.serving.port.in.RankItemsQuery;
import io.tandem.application.serving.port.in.RankItemsUseCase;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.ranking.ScoreOrder;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.UserCandidates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's list ordered for a user by the champion's ranker, with the features the user's candidates give
 * each item; items the model does not know follow, in the caller's order. Nothing is filtered: the caller chose
 * the list. When there is no model or a dependency fails, the list comes back in the caller's order and the
 * response names the dependency.
 */
public final class RankItemsService implements RankItemsUseCase {

    private final RequestPipeline pipeline;

    public RankItemsService(ServingDependencies dependencies) {
        this.pipeline = new RequestPipeline(dependencies);
    }

    @Override
    public Recommendation rank(RankItemsQuery query) {
        long started = System.nanoTime();
        String requestId = pipeline.requestId(query.context());
        Optional<Assignment> assignment = pipeline.assign(query.user(), query.context());
        return pipeline.serve(assignment, started, side -> Optional.of(answer(query, requestId, side)))
                .orElseThrow();
    }

    private Recommendation answer(RankItemsQuery query, String requestId, Optional<Assignment> assignment) {
        UserState state;
        try {
            state = pipeline.userState(query.user());
        } catch (DependencyFailure failure) {
            return asGiven(requestId, query, failure.status());
        }
        return pipeline.onModel(query.context(), assignment, state,
                (model, found) -> ranked(model, requestId, query, found),
                (model, status) -> asGiven(requestId, query, status));
    }

    private Recommendation ranked(ServingModel model, String requestId, RankItemsQuery query, UserCandidates found) {
        List<Integer> known = new ArrayList<>();
        List<ItemId> unknown = new ArrayList<>();
        for (ItemId id : query.items()) {
            model.indexOf(id).ifPresentOrElse(known::add, () -> unknown.add(id));
        }
        int[] items = known.stream().mapToInt(Integer::intValue).toArray();
        float[] rows = model.featureRows(found, items);
        float[] scores = pipeline.score(model, rows, items.length);
        int[] order = ScoreOrder.highestFirst(scores);
        List<RankedItem> ranked = new ArrayList<>(query.items().size());
        for (int row : order) {
            ranked.add(new RankedItem(model.itemId(items[row]), scores[row], ranked.size() + 1,
                    RequestPipeline.sources(model, found, items[row]),
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
}
