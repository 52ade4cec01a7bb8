package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.application.serving.port.in.RequestContext;
import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.recommendation.Recommendation;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code GET /v1/users/{id}/recommendations?count=10&category=&exclude=a,b&explain=false&diversity=0&requestId=&surface=}:
 * the top items for a user, each with its score breakdown when {@code explain=true}, re-ranked for variety of
 * categories by {@code diversity} in [0, 1]; {@code requestId} (generated when absent) is what follow-up events
 * quote, and {@code surface} chooses the experiment that applies.
 */
@Controller("/v1/users")
@Tag(name = "serve")
@ApiProblems.Serve
final class RecommendationsController {

    static final int DEFAULT_COUNT = 10;

    private final RecommendItemsUseCase recommendItems;
    private final ServingMetrics metrics;

    RecommendationsController(RecommendItemsUseCase recommendItems, ServingMetrics metrics) {
        this.recommendItems = recommendItems;
        this.metrics = metrics;
    }

    @Get(uri = "/{id}/recommendations", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(ArrivalFilter.SERVING_EXECUTOR)
    @Operation(operationId = "recommend",
            summary = "The top items for a user, optionally explained and re-ranked for variety")
    @ApiResponse(responseCode = "200",
            description = "The items, best first, with the model that ranked them and whether a "
                    + "fallback answered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationJson.Response.class),
                    examples = @ExampleObject(value =
                    ApiExamples.RECOMMENDATIONS)))
    @ApiProblems.InvalidCount
    RecommendationJson.Response recommend(@Parameter(description = "The user's id, exactly as given", example = "u1")
                                          @PathVariable("id") String id,
                                          @Parameter(description = "How many items, 1 to 1000; 10 when absent",
                                                  example = "10")
                                          @Nullable @QueryValue("count") String count,
                                          @Parameter(description = "Only items of this category",
                                                  example = "drama")
                                          @Nullable @QueryValue("category") String category,
                                          @Parameter(description = "Item ids to leave out, comma-separated",
                                                  example = "i1,i2")
                                          @Nullable @QueryValue("exclude") String exclude,
                                          @Parameter(description = "true adds each item's score breakdown",
                                                  example = "true")
                                          @Nullable @QueryValue("explain") String explain,
                                          @Parameter(description = "Variety of categories, 0 (none) to 1",
                                                  example = "0.3")
                                          @Nullable @QueryValue("diversity") String diversity,
                                          @Parameter(description = ApiExamples.REQUEST_ID_PARAMETER,
                                                  example = "7f3c2a9e-5b1d-4c8e-9a0f-2d6b4e8c1a37")
                                          @Nullable @QueryValue("requestId") String requestId,
                                          @Parameter(description = ApiExamples.SURFACE_PARAMETER, example = "home")
                                          @Nullable @QueryValue("surface") String surface,
                                          HttpRequest<?> request) {
        return ArrivalFilter.serve(request, queuedSince -> {
            boolean explained = parseExplain(explain);
            RecommendItemsQuery query = new RecommendItemsQuery(PathIds.user(id), parseCount(count),
                    parseCategory(category), parseExclude(exclude), explained, parseDiversity(diversity),
                    requestContext(requestId, surface, queuedSince));
            Recommendation recommendation = recommendItems.recommend(query);
            metrics.served(ServingMetrics.Endpoint.RECOMMENDATIONS, recommendation);
            return RecommendationJson.Response.forUser(recommendation, explained);
        });
    }

    /** The {@code count} query parameter, shared with similar items. */
    static int parseCount(String count) {
        return QueryValues.wholeNumber("count", count, DEFAULT_COUNT, RecommendItemsQuery.MAX_COUNT);
    }

    /**
     * The caller's request id and surface, shared with similar items; absent or empty means none (a request id is
     * then generated). Both are judged as given (ADR-0019). The context carries since when the request waited behind
     * busy workers ({@link ArrivalFilter#serve}).
     */
    static RequestContext requestContext(String requestId, String surface, OptionalLong queuedSince) {
        return new RequestContext(Optional.ofNullable(requestId).filter(id -> !id.isEmpty()),
                Optional.ofNullable(surface).filter(s -> !s.isEmpty()), queuedSince);
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
