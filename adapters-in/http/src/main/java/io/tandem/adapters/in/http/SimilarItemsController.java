package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.tandem.application.serving.port.in.FindSimilarItemsUseCase;
import io.tandem.application.serving.port.in.SimilarItemsQuery;
import io.tandem.domain.CanonicalText;
import io.tandem.domain.catalog.UserId;

import java.util.Optional;

/**
 * {@code GET /v1/items/{id}/similar?count=10&userId=&requestId=&surface=}: the items most like one item, in the
 * recommendation shape with {@code userId} null unless the caller names the user who will see them (which places
 * the request in an experiment); 404 when neither the catalog nor the model knows the item.
 */
@Controller("/v1/items")
@Tag(name = "serve")
@ApiProblems.Serve
final class SimilarItemsController {

    private final FindSimilarItemsUseCase findSimilarItems;
    private final ServingMetrics metrics;

    SimilarItemsController(FindSimilarItemsUseCase findSimilarItems, ServingMetrics metrics) {
        this.findSimilarItems = findSimilarItems;
        this.metrics = metrics;
    }

    @Get(uri = "/{id}/similar", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(ArrivalFilter.SERVING_EXECUTOR)
    @Operation(operationId = "similarItems",
            summary = "The items most like one item")
    @ApiResponse(responseCode = "200",
            description = "The similar items, best first; userId is null unless given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationJson.Response.class),
                    examples = @ExampleObject(value =
                    "{\"requestId\":\"0b9d6c41-2f7e-4a53-8c1d-5e0a9b3f7d22\",\"userId\":null,"
                    + "\"items\":[{\"itemId\":\"i7\",\"score\":0.83,\"rank\":1,"
                    + "\"sources\":[\"item-similarity\"]}],\"model\":{\"name\":\"default\","
                    + "\"version\":\"v3\"},\"fallback\":{\"used\":false,\"reason\":null},"
                    + "\"experiment\":null,\"variant\":null}")))
    @ApiProblems.InvalidCount
    @ApiResponse(responseCode = "404",
            description = "Neither the catalog nor the model knows the item",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/item-not-found\",\"title\":\"Not "
                    + "Found\",\"status\":404,\"detail\":\"no item 'i42'\",\"field\":\"id\"}")))
    HttpResponse<?> similar(@Parameter(description = "The item's id, exactly as given", example = "i42")
                            @PathVariable("id") String id,
                            @Parameter(description = "How many items, 1 to 1000; 10 when absent", example = "10")
                            @Nullable @QueryValue("count") String count,
                            @Parameter(description = "The user who will see the items, exactly as given: places the "
                                    + "request in the experiment of its surface; without it no experiment applies",
                                    example = "u1")
                            @Nullable @QueryValue("userId") String userId,
                            @Parameter(description = ApiExamples.REQUEST_ID_PARAMETER,
                                    example = "0b9d6c41-2f7e-4a53-8c1d-5e0a9b3f7d22")
                            @Nullable @QueryValue("requestId") String requestId,
                            @Parameter(description = ApiExamples.SURFACE_PARAMETER, example = "item-page")
                            @Nullable @QueryValue("surface") String surface,
                            HttpRequest<?> request) {
        return ArrivalFilter.serve(request, queuedSince -> {
            Optional<UserId> user = Optional.ofNullable(userId).filter(u -> !u.isEmpty())
                    .map(u -> new UserId(CanonicalText.requireId("userId", u)));
            SimilarItemsQuery query = new SimilarItemsQuery(PathIds.item(id),
                    RecommendationsController.parseCount(count), user,
                    RecommendationsController.requestContext(requestId, surface, queuedSince));
            return findSimilarItems.similar(query)
                    .<HttpResponse<?>>map(recommendation -> {
                        metrics.served(ServingMetrics.Endpoint.SIMILAR, recommendation);
                        return HttpResponse.ok(RecommendationJson.Response.forItem(recommendation, user.isPresent()));
                    })
                    .orElseGet(() -> ProblemResponses.notFound("item-not-found", "id",
                            "no item '" + query.item().value() + "'"));
        });
    }
}
