package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.FindSimilarItemsUseCase;
import io.tandem.application.port.in.SimilarItemsQuery;

/**
 * {@code GET /v1/items/{id}/similar?count=10}: the items most like one item, in the recommendation shape with
 * {@code userId} null (the answer is about an item, not a user); 404 when neither the catalog nor the model
 * knows the item.
 */
@Controller("/v1/items")
final class SimilarItemsController {

    private final FindSimilarItemsUseCase findSimilarItems;
    private final ServingMetrics metrics;

    SimilarItemsController(FindSimilarItemsUseCase findSimilarItems, ServingMetrics metrics) {
        this.findSimilarItems = findSimilarItems;
        this.metrics = metrics;
    }

    @Get(uri = "/{id}/similar", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> similar(@PathVariable("id") String id, @Nullable @QueryValue("count") String count) {
        SimilarItemsQuery query = new SimilarItemsQuery(PathIds.item(id), RecommendationsController.parseCount(count));
        return findSimilarItems.similar(query)
                .<HttpResponse<?>>map(recommendation -> {
                    metrics.served(ServingMetrics.Endpoint.SIMILAR, recommendation);
                    return HttpResponse.ok(RecommendationJson.Response.forItem(recommendation));
                })
                .orElseGet(() -> ProblemResponses.respond(Problem.of(404, "Not Found", "item-not-found", "id",
                        "no item '" + query.item().value() + "'")));
    }
}
