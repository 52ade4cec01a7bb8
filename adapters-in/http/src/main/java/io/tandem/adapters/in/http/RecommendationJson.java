package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;

import java.util.List;
import java.util.Map;

/**
 * The one answer shape of recommendations, similar items and rankings:
 * {@code {"requestId","userId","items":[{"itemId","score","rank","sources":[...],"explanation":{...}}],
 * "model":{"name","version"}|null,"fallback":{"used","reason"},"experiment":string|null,"variant":string|null}}.
 * {@code requestId} is always there (the caller's, or a generated one) for follow-up events to quote in
 * {@code context.requestId}; {@code experiment} and {@code variant} name the experiment and group (a variant or
 * {@code holdout}; {@code interleaved} for a list team-drafted from both variants of an interleaving experiment) the
 * answer was served under, both null outside every experiment.
 */
final class RecommendationJson {

    private RecommendationJson() {
    }

    /** {@code userId} is null for similar items, which answer for an item rather than a user. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Response(String requestId, @Nullable String userId, List<Item> items, @Nullable Model model,
                    Fallback fallback, @Nullable String experiment, @Nullable String variant) {

        /** An answer for the recommendation's user; items carry their explanation only when it was asked for. */
        static Response forUser(Recommendation recommendation, boolean explained) {
            return of(recommendation, recommendation.user().value(), explained);
        }

        /**
         * An answer about an item: {@code userId} is the user the caller named, and null when it named none (the
         * use case's user is then a placeholder).
         */
        static Response forItem(Recommendation recommendation, boolean forUser) {
            return of(recommendation, forUser ? recommendation.user().value() : null, false);
        }

        private static Response of(Recommendation recommendation, String userId, boolean explained) {
            return new Response(
                    recommendation.requestId(),
                    userId,
                    recommendation.items().stream().map(item -> Item.from(item, explained)).toList(),
                    recommendation.model().map(m -> new Model(m.name(), m.version())).orElse(null),
                    new Fallback(recommendation.fallback().used(), recommendation.fallback().reason().orElse(null)),
                    recommendation.assignment().map(Assignment::experiment).orElse(null),
                    recommendation.assignment().map(Assignment::group).orElse(null));
        }
    }

    /**
     * One ranked item. {@code explanation} (feature name to value, in the ranker's schema order) is present, possibly
     * empty, when the caller asked for it and absent otherwise, whatever the global inclusion setting.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Item(String itemId, double score, int rank, List<String> sources,
                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Double> explanation) {

        static Item from(RankedItem item, boolean explained) {
            return new Item(item.item().value(), item.score(), item.rank(), item.sources(),
                    explained ? item.explanation() : null);
        }
    }

    @Serdeable
    record Model(String name, String version) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Fallback(boolean used, @Nullable String reason) {
    }
}
