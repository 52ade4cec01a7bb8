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
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.recommendation.Recommendation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
        RecommendItemsQuery query = new RecommendItemsQuery(new UserId(id), parseCount(count),
                Optional.ofNullable(category), parseExclude(exclude), explained, parseDiversity(diversity));
        Recommendation recommendation = recommendItems.recommend(query);
        metrics.served(ServingMetrics.Endpoint.RECOMMENDATIONS, recommendation);
        return RecommendationJson.Response.forUser(recommendation, explained);
    }

    /** The {@code count} query parameter, shared with similar items; absent or blank means the default. */
    static int parseCount(String count) {
        if (count == null || count.isBlank()) {
            return DEFAULT_COUNT;
        }
        try {
            return Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("count", "must be a whole number");
        }
    }

    private static boolean parseExplain(String explain) {
        if (explain == null || explain.isBlank()) {
            return false;
        }
        return switch (explain.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidFieldException("explain", "must be true or false");
        };
    }

    /** Only the syntax is checked here; the query refuses a number outside [0, 1] (and NaN) itself. */
    private static double parseDiversity(String diversity) {
        if (diversity == null || diversity.isBlank()) {
            return 0.0;
        }
        try {
            return Double.parseDouble(diversity.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("diversity", "must be a number between 0 and 1");
        }
    }

    private static Set<ItemId> parseExclude(String exclude) {
        if (exclude == null || exclude.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(exclude.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(ItemId::new)
                .collect(Collectors.toUnmodifiableSet());
    }
}
