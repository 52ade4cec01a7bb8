package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.DeleteItemCommand;
import io.tandem.application.port.in.DeleteItemUseCase;
import io.tandem.application.port.in.FindItemQuery;
import io.tandem.application.port.in.FindItemUseCase;
import io.tandem.application.port.in.UpsertItemsCommand;
import io.tandem.application.port.in.UpsertItemsUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The item catalog: {@code PUT|GET|DELETE /v1/items/{id}} and {@code POST /v1/items:batch}. */
@Controller("/v1")
final class ItemsController {

    private final UpsertItemsUseCase upsertItems;
    private final FindItemUseCase findItem;
    private final DeleteItemUseCase deleteItem;
    private final JsonMapper json;
    private final Clock clock;

    ItemsController(UpsertItemsUseCase upsertItems, FindItemUseCase findItem, DeleteItemUseCase deleteItem,
                    JsonMapper json, Clock clock) {
        this.upsertItems = upsertItems;
        this.findItem = findItem;
        this.deleteItem = deleteItem;
        this.json = json;
        this.clock = clock;
    }

    @Put(uri = "/items/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CatalogJson.ItemJson put(@PathVariable("id") String id, @Body byte[] body) {
        CatalogJson.ItemJson item = read(body, CatalogJson.ItemJson.class);
        if (item.itemId() != null && !item.itemId().equals(id)) {
            throw new InvalidFieldException("itemId", "differs from the id in the path");
        }
        Item stored = item.toItem(id, clock.instant());
        upsertItems.upsert(new UpsertItemsCommand(List.of(stored)));
        return CatalogJson.ItemJson.from(stored);
    }

    @Get(uri = "/items/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> get(@PathVariable("id") String id) {
        return findItem.find(new FindItemQuery(new ItemId(id)))
                .<HttpResponse<?>>map(item -> HttpResponse.ok(CatalogJson.ItemJson.from(item)))
                .orElseGet(() -> notFound(id));
    }

    @Delete(uri = "/items/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> delete(@PathVariable("id") String id) {
        return deleteItem.delete(new DeleteItemCommand(new ItemId(id))) ? HttpResponse.noContent() : notFound(id);
    }

    /** Up to 10,000 items; each is checked on its own, so one bad item does not cost the others. */
    @Post(uri = "/items:batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CatalogJson.UpsertResponse batch(@Body byte[] body) {
        JsonNode tree = read(body, JsonNode.class);
        if (!tree.isArray()) {
            throw new MalformedBodyException("body", "must be a JSON array of items");
        }
        if (tree.size() > UpsertItemsCommand.MAX_ITEMS) {
            throw new InvalidFieldException("items", "at most " + UpsertItemsCommand.MAX_ITEMS + " items at once, got "
                    + tree.size());
        }
        List<Item> items = new ArrayList<>(tree.size());
        List<EventsController.Rejection> rejected = new ArrayList<>();
        int index = 0;
        for (JsonNode element : tree.values()) {
            try {
                CatalogJson.ItemJson item = json.readValueFromTree(element, CatalogJson.ItemJson.class);
                if (item == null || item.itemId() == null) {
                    throw new InvalidFieldException("itemId", "is required");
                }
                items.add(item.toItem(item.itemId(), clock.instant()));
            } catch (InvalidFieldException e) {
                rejected.add(new EventsController.Rejection(index, e.field(), e.reason()));
            } catch (IOException | RuntimeException e) {
                rejected.add(new EventsController.Rejection(index, "item", "is not an item object: "
                        + e.getClass().getSimpleName()));
            }
            index++;
        }
        upsertItems.upsert(new UpsertItemsCommand(items));
        return new CatalogJson.UpsertResponse(items.size(), rejected);
    }

    private <T> T read(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new MalformedBodyException("body", "is empty");
            }
            return value;
        } catch (IOException e) {
            throw new MalformedBodyException("body", "malformed JSON or wrong member types: "
                    + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static HttpResponse<Problem> notFound(String id) {
        return ProblemResponses.respond(Problem.of(404, "Not Found", "item-not-found", "id",
                "no item '" + id + "' in the catalog"));
    }
}
