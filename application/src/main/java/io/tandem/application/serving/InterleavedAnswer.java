package io.tandem.application.serving;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.AssignmentHash;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.interleaving.InterleavedList;
import io.tandem.domain.experiment.interleaving.Team;
import io.tandem.domain.experiment.interleaving.TeamDraftInterleaving;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The answer of an interleaving experiment (ADR-0024, "Interleaving"): each variant ranks the request as it would
 * alone (its model and options), and team-draft interleaving merges the two lists into one, the coin flips seeded by
 * the request id so that the same request gets the same list on every instance. Each item remembers the team that
 * drafted it, for the clicks to credit.
 *
 * <p>When one side fails (its model path fell back, though its variant does not serve the rules by design), the other
 * side answers alone and the fallback status says which side failed and why; when both fail, the first side's
 * fallback answers. Either way the list is recorded without teams, so it decides nothing.
 *
 * @param answer the answer to return and record
 * @param teams  each item's team, in the answer's order; empty when the list was not interleaved
 */
record InterleavedAnswer(Recommendation answer, Optional<List<Team>> teams) {

    /** Merges {@code a} and {@code b}, the answers of the two sides of {@code assignment} to one request. */
    static InterleavedAnswer merge(Assignment assignment, Recommendation a, Recommendation b) {
        boolean aFailed = failed(assignment.teams().get(0), a);
        boolean bFailed = failed(assignment.teams().get(1), b);
        if (aFailed || bFailed) {
            if (aFailed && bFailed) {
                return new InterleavedAnswer(a, Optional.empty());
            }
            Recommendation alone = aFailed ? b : a;
            Recommendation failed = aFailed ? a : b;
            String side = assignment.teams().get(aFailed ? 1 : 0).name();
            String why = failed.fallback().reason().orElse("failed") + "; variant '" + side
                    + "' of the interleaving experiment answered alone";
            return new InterleavedAnswer(new Recommendation(alone.requestId(), alone.user(), alone.items(),
                    alone.model(), FallbackStatus.usedBecause(why)), Optional.empty());
        }
        int length = Math.max(a.items().size(), b.items().size());
        if (length == 0) {
            return new InterleavedAnswer(a, Optional.empty());
        }
        InterleavedList list = TeamDraftInterleaving.interleave(ids(a), ids(b), length,
                new SplittableRandom(seed(assignment, a.requestId())));
        Map<ItemId, RankedItem> byItem = new HashMap<>();
        b.items().forEach(item -> byItem.put(item.item(), item));
        a.items().forEach(item -> byItem.put(item.item(), item));
        List<RankedItem> items = new ArrayList<>(list.items().size());
        for (ItemId id : list.items()) {
            items.add(byItem.get(id).atRank(items.size() + 1));
        }
        FallbackStatus status = a.fallback().used() && b.fallback().used() ? a.fallback() : FallbackStatus.notUsed();
        return new InterleavedAnswer(new Recommendation(a.requestId(), a.user(), items,
                a.model().or(b::model), status), Optional.of(list.teams()));
    }

    /**
     * The coin flips' seed: the first 53 bits of SHA-256 of the experiment's name and the request id, the hash the
     * assignment uses (ADR-0024), so any instance merges a request's two lists alike.
     */
    static long seed(Assignment assignment, String requestId) {
        return (long) (AssignmentHash.point(assignment.experiment(), requestId) * 0x1p53);
    }

    /** A side failed when its model path fell back, unless its variant serves the rules by design. */
    private static boolean failed(Variant variant, Recommendation answer) {
        return answer.fallback().used() && !(variant.model() instanceof VariantModel.RuleBasedFallback);
    }

    private static List<ItemId> ids(Recommendation answer) {
        return answer.items().stream().map(RankedItem::item).toList();
    }
}
