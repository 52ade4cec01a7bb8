package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.RankItemsQuery;
import io.tandem.application.port.in.RankItemsUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.recommendation.Recommendation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/rankings {"userId":"u1","itemIds":["a","b"],"explain":false}}: the caller's items ordered for
 * the user, in the recommendation shape. {@code itemIds} holds 1 to 1,000 distinct ids; {@code explain} is
 * optional and false by default.
 */
@Controller("/v1/rankings")
final class RankingsController {

    private final RankItemsUseCase rankItems;
    private final ServingMetrics metrics;
    private final JsonMapper json;

    RankingsController(RankItemsUseCase rankItems, ServingMetrics metrics, JsonMapper json) {
        this.rankItems = rankItems;
        this.metrics = metrics;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    RecommendationJson.Response rank(@Nullable @Body byte[] body) {
        RankItemsQuery query = queryIn(body);
        Recommendation ranking = rankItems.rank(query);
        metrics.served(ServingMetrics.Endpoint.RANKINGS, ranking);
        return RecommendationJson.Response.forUser(ranking, query.explain());
    }

    private RankItemsQuery queryIn(byte[] body) {
        // Read here rather than left to the framework, so an empty body is a problem naming "body" like any other.
        if (body == null || body.length == 0) {
            throw new MalformedBodyException("body", "is empty; send {\"userId\":...,\"itemIds\":[...]}");
        }
        JsonNode tree;
        try {
            tree = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new MalformedBodyException("body", "malformed JSON: " + ItemsController.firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedBodyException("body",
                    "must be a JSON object such as {\"userId\":\"u1\",\"itemIds\":[\"a\",\"b\"]}");
        }
        return new RankItemsQuery(userIn(tree.get("userId")), itemIdsIn(tree.get("itemIds")),
                explainIn(tree.get("explain")));
    }

    private static UserId userIn(JsonNode userId) {
        if (userId == null || userId.isNull()) {
            throw new MalformedBodyException("userId", "is required");
        }
        if (!userId.isString()) {
            throw new MalformedBodyException("userId", "must be a string");
        }
        return new UserId(userId.getStringValue());
    }

    private static List<ItemId> itemIdsIn(JsonNode itemIds) {
        if (itemIds == null || itemIds.isNull()) {
            throw new MalformedBodyException("itemIds", "is required: an array of 1 to " + RankItemsQuery.MAX_ITEMS
                    + " item ids");
        }
        if (!itemIds.isArray()) {
            throw new MalformedBodyException("itemIds", "must be an array of item ids");
        }
        // Refused before any id is built: the query would refuse it too, after the work.
        if (itemIds.size() > RankItemsQuery.MAX_ITEMS) {
            throw new InvalidFieldException("itemIds", "must hold between 1 and " + RankItemsQuery.MAX_ITEMS
                    + " items, got " + itemIds.size());
        }
        List<ItemId> items = new ArrayList<>(itemIds.size());
        int index = 0;
        for (JsonNode element : itemIds.values()) {
            String field = "itemIds[" + index + "]";
            if (!element.isString()) {
                throw new MalformedBodyException(field, "must be a string");
            }
            try {
                items.add(new ItemId(element.getStringValue()));
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException(field, e.reason());
            }
            index++;
        }
        return items;
    }

    private static boolean explainIn(JsonNode explain) {
        if (explain == null || explain.isNull()) {
            return false;
        }
        if (!explain.isBoolean()) {
            throw new MalformedBodyException("explain", "must be true or false");
        }
        return explain.getBooleanValue();
    }
}
