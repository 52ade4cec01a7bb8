package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.adapters.shared.json.JsonMembers;
import io.tandem.application.serving.port.in.RankItemsQuery;
import io.tandem.application.serving.port.in.RankItemsUseCase;
import io.tandem.application.serving.port.in.RequestContext;
import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.recommendation.Recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code POST /v1/rankings {"userId":"u1","itemIds":["a","b"],"explain":false,"requestId":"r1","surface":"home"}}:
 * the caller's items ordered for the user, in the recommendation shape. {@code itemIds} holds 1 to 1,000 distinct
 * ids; {@code explain} is optional and false by default; {@code requestId} (generated when absent) and
 * {@code surface} are optional, as for recommendations.
 */
@Controller("/v1/rankings")
@Tag(name = "serve")
@ApiProblems.Serve
final class RankingsController {

    private static final List<String> FIELDS = List.of("userId", "itemIds", "explain", "requestId", "surface");

    private final RankItemsUseCase rankItems;
    private final ServingMetrics metrics;

    RankingsController(RankItemsUseCase rankItems, ServingMetrics metrics) {
        this.rankItems = rankItems;
        this.metrics = metrics;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(ArrivalFilter.SERVING_EXECUTOR)
    @Operation(operationId = "rankItems",
            summary = "Order the caller's items (1 to 1,000 distinct ids) for a user",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value =
                    "{\"userId\":\"u1\",\"itemIds\":[\"i42\",\"i7\",\"i9\"],\"explain\":false,"
                    + "\"requestId\":\"7f3c2a9e-5b1d-4c8e-9a0f-2d6b4e8c1a37\",\"surface\":\"home\"}"))))
    @ApiResponse(responseCode = "200",
            description = "The items ordered for the user, in the recommendation shape",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationJson.Response.class),
                    examples = @ExampleObject(value =
                    ApiExamples.RECOMMENDATIONS)))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_400_PREFIX
                    + "\"detail\":\"must not start or end with whitespace\",\"field\":\"itemIds[1]\"}")))
    RecommendationJson.Response rank(
            @Schema(implementation = RequestShapes.Ranking.class) @Nullable @Body byte[] body,
            HttpRequest<?> request) {
        return ArrivalFilter.serve(request, queuedSince -> {
            RankItemsQuery query = queryIn(body, queuedSince);
            Recommendation ranking = rankItems.rank(query);
            metrics.served(ServingMetrics.Endpoint.RANKINGS, ranking);
            return RecommendationJson.Response.forUser(ranking, query.explain());
        });
    }

    private static RankItemsQuery queryIn(byte[] body, OptionalLong queuedSince) {
        JsonMembers request = RequestJson.object(body, "{\"userId\":\"u1\",\"itemIds\":[\"a\",\"b\"]}", FIELDS);
        String user = RequestJson.requiredText(request, "userId", "is required");
        if (request.get("itemIds").isEmpty()) {
            throw new InvalidFieldException("itemIds", "is required: an array of 1 to " + RankItemsQuery.MAX_ITEMS
                    + " item ids");
        }
        List<String> ids = request.texts("itemIds", RankItemsQuery.MAX_ITEMS);
        List<ItemId> items = new ArrayList<>(ids.size());
        for (int index = 0; index < ids.size(); index++) {
            items.add(new ItemId(CanonicalText.requireId("itemIds[" + index + "]", ids.get(index))));
        }
        return new RankItemsQuery(new UserId(user), items, request.bool("explain").orElse(false),
                new RequestContext(Optional.ofNullable(request.text("requestId")),
                        Optional.ofNullable(request.text("surface")), queuedSince));
    }
}
