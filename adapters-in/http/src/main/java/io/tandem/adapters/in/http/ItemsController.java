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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.application.port.in.DeleteItemCommand;
import io.tandem.application.port.in.DeleteItemUseCase;
import io.tandem.application.port.in.FindItemQuery;
import io.tandem.application.port.in.FindItemUseCase;
import io.tandem.application.port.in.UpsertItemsCommand;
import io.tandem.application.port.in.UpsertItemsReport;
import io.tandem.application.port.in.UpsertItemsUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The item catalog: {@code PUT|GET|DELETE /v1/items/{id}} and {@code POST /v1/items:batch}. */
@Controller("/v1")
final class ItemsController {

    private final UpsertItemsUseCase upsertItems;
    private final FindItemUseCase findItem;
    private final DeleteItemUseCase deleteItem;
    private final Clock clock;

    ItemsController(UpsertItemsUseCase upsertItems, FindItemUseCase findItem, DeleteItemUseCase deleteItem,
                    Clock clock) {
        this.upsertItems = upsertItems;
        this.findItem = findItem;
        this.deleteItem = deleteItem;
        this.clock = clock;
    }

    @Put(uri = "/items/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CatalogJson.ItemJson put(@PathVariable("id") String id, @Body byte[] body) {
        PathIds.require("id", id);
        Item stored = CatalogJson.item(RequestJson.parse(body, "an item object such as {\"categories\":[\"drama\"]}"),
                id, clock.instant());
        UpsertItemsReport report = upsertItems.upsert(new UpsertItemsCommand(List.of(stored)));
        if (!report.rejected().isEmpty()) {
            UpsertItemsReport.RejectedItem rejected = report.rejected().get(0);
            throw new InvalidFieldException(rejected.field(), rejected.message());
        }
        return CatalogJson.ItemJson.from(stored);
    }

    @Get(uri = "/items/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> get(@PathVariable("id") String id) {
        ItemId item = PathIds.item(id);
        return findItem.find(new FindItemQuery(item))
                .<HttpResponse<?>>map(found -> HttpResponse.ok(CatalogJson.ItemJson.from(found)))
                .orElseGet(() -> notFound(item));
    }

    @Delete(uri = "/items/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> delete(@PathVariable("id") String id) {
        ItemId item = PathIds.item(id);
        return deleteItem.delete(new DeleteItemCommand(item)) ? HttpResponse.noContent() : notFound(item);
    }

    /** Up to 10,000 items; each is checked on its own, so one bad item does not cost the others. */
    @Post(uri = "/items:batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CatalogJson.UpsertResponse batch(@Body byte[] body) {
        JsonValue tree = RequestJson.parse(body, "a JSON array of items");
        if (!(tree instanceof JsonValue.JsonArray array)) {
            throw new InvalidFieldException("body", "must be a JSON array of items, not " + tree.kind());
        }
        if (array.elements().size() > UpsertItemsCommand.MAX_ITEMS) {
            throw new InvalidFieldException("items", "at most " + UpsertItemsCommand.MAX_ITEMS + " items at once, got "
                    + array.elements().size());
        }
        List<Item> items = new ArrayList<>(array.elements().size());
        List<Integer> indexes = new ArrayList<>(array.elements().size());
        List<EventsController.Rejection> rejected = new ArrayList<>();
        Instant now = clock.instant();
        for (int index = 0; index < array.elements().size(); index++) {
            try {
                items.add(CatalogJson.item(array.elements().get(index), null, now));
                indexes.add(index);
            } catch (InvalidFieldException e) {
                rejected.add(new EventsController.Rejection(index, e.field(), e.reason()));
            }
        }
        UpsertItemsReport report = upsertItems.upsert(new UpsertItemsCommand(items));
        for (UpsertItemsReport.RejectedItem refused : report.rejected()) {
            rejected.add(new EventsController.Rejection(indexes.get(refused.index()), refused.field(),
                    refused.message()));
        }
        rejected.sort(Comparator.comparingInt(EventsController.Rejection::index));
        return new CatalogJson.UpsertResponse(report.upserted(), rejected);
    }

    private static HttpResponse<Problem> notFound(ItemId id) {
        return ProblemResponses.respond(Problem.of(404, "Not Found", "item-not-found", "id",
                "no item '" + id.value() + "' in the catalog"));
    }
}
