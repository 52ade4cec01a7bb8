package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.RecommendItemsQuery;
import io.tandem.application.port.in.RecommendItemsUseCase;
import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.recommendation.Recommendation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/users/{id}/recommendations?count=10&category=&exclude=a,b&explain=false&diversity=0}: the top
 * items for a user, each with its score breakdown when {@code explain=true}, re-ranked for variety of categories
 * by {@code diversity} in [0, 1].
 */
@Controller("/v1/users")
final class RecommendationsController {

    static final int DEFAULT_COUNT = 10;

    private final RecommendItemsUseCase recommendItems;
    private final ServingMetrics metrics;

    RecommendationsController(RecommendItemsUseCase recommendItems, ServingMetrics metrics) {
        this.recommendItems = recommendItems;
        this.metrics = metrics;
    }

    @Get(uri = "/{id}/recommendations", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    RecommendationJson.Response recommend(@PathVariable("id") String id,
                                          @Nullable @QueryValue("count") String count,
                                          @Nullable @QueryValue("category") String category,
                                          @Nullable @QueryValue("exclude") String exclude,
                                          @Nullable @QueryValue("explain") String explain,
                                          @Nullable @QueryValue("diversity") String diversity) {
        boolean explained = parseExplain(explain);
        RecommendItemsQuery query = new RecommendItemsQuery(PathIds.user(id), parseCount(count),
                parseCategory(category), parseExclude(exclude), explained, parseDiversity(diversity));
        Recommendation recommendation = recommendItems.recommend(query);
        metrics.served(ServingMetrics.Endpoint.RECOMMENDATIONS, recommendation);
        return RecommendationJson.Response.forUser(recommendation, explained);
    }

    /**
     * The {@code count} query parameter, shared with similar items; absent or empty means the default. Query
     * parameters are judged as given, like every input (ADR-0019): {@code " 5"} is not a count.
     */
    static int parseCount(String count) {
        if (count == null || count.isEmpty()) {
            return DEFAULT_COUNT;
        }
        if (!count.chars().allMatch(c -> c >= '0' && c <= '9') || count.length() > 9) {
            throw new InvalidFieldException("count", "must be a whole number between 1 and "
                    + RecommendItemsQuery.MAX_COUNT);
        }
        return Integer.parseInt(count);
    }

    private static boolean parseExplain(String explain) {
        if (explain == null || explain.isEmpty()) {
            return false;
        }
        return switch (explain) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidFieldException("explain", "must be true or false");
        };
    }

    /** Only the syntax is checked here; the query refuses a number outside [0, 1] (and NaN) itself. */
    private static double parseDiversity(String diversity) {
        if (diversity == null || diversity.isEmpty()) {
            return 0.0;
        }
        if (diversity.strip().length() != diversity.length()) {
            throw new InvalidFieldException("diversity", "must be a number between 0 and 1");
        }
        try {
            return Double.parseDouble(diversity);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("diversity", "must be a number between 0 and 1");
        }
    }

    private static Optional<String> parseCategory(String category) {
        if (category == null || category.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CanonicalText.requireId("category", category));
    }

    /** Comma-separated item ids, each canonical: {@code a, b} is refused rather than read as {@code a,b}. */
    private static Set<ItemId> parseExclude(String exclude) {
        if (exclude == null || exclude.isEmpty()) {
            return Set.of();
        }
        String[] ids = exclude.split(",", -1);
        if (ids.length > RecommendItemsQuery.MAX_EXCLUDED) {
            throw new InvalidFieldException("exclude", "holds at most " + RecommendItemsQuery.MAX_EXCLUDED + " items");
        }
        Set<ItemId> items = new HashSet<>();
        for (String id : ids) {
            items.add(new ItemId(CanonicalText.requireId("exclude", id)));
        }
        return Set.copyOf(items);
    }
}
