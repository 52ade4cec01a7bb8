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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.application.catalog.port.in.DeleteItemCommand;
import io.tandem.application.catalog.port.in.DeleteItemUseCase;
import io.tandem.application.catalog.port.in.FindItemQuery;
import io.tandem.application.catalog.port.in.FindItemUseCase;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsReport;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
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
    @Tag(name = "ingest")
    @Operation(operationId = "putItem",
            summary = "Create or replace one item of the catalog",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value =
                    "{\"categories\":[\"drama\"],\"tags\":[\"award\"],"
                    + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"available\":true,"
                    + "\"attributes\":{\"year\":\"1994\"}}"))))
    @ApiResponse(responseCode = "200",
            description = "The item as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogJson.ItemJson.class),
                    examples = @ExampleObject(value =
                    ApiExamples.ITEM)))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_400_PREFIX
                    + "\"detail\":\"must not start or end with whitespace\",\"field\":\"categories[0]\"}")))
    @ApiProblems.Ingest
    CatalogJson.ItemJson put(@Parameter(description = "The item's id, exactly as given", example = "i42")
                             @PathVariable("id") String id,
                             @Schema(implementation = CatalogJson.ItemJson.class) @Body byte[] body) {
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
    @Tag(name = "serve")
    @Operation(operationId = "getItem",
            summary = "Read one item of the catalog")
    @ApiResponse(responseCode = "200",
            description = "The item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogJson.ItemJson.class),
                    examples = @ExampleObject(value =
                    ApiExamples.ITEM)))
    @ApiProblems.InvalidId
    @ApiProblems.ItemNotFound
    @ApiProblems.Serve
    HttpResponse<?> get(@Parameter(description = "The item's id, exactly as given", example = "i42")
                        @PathVariable("id") String id) {
        ItemId item = PathIds.item(id);
        return ProblemResponses.found(findItem.find(new FindItemQuery(item)).map(CatalogJson.ItemJson::from),
                "item-not-found", "id", notInCatalog(item));
    }

    @Delete(uri = "/items/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Tag(name = "ingest")
    @Operation(operationId = "deleteItem",
            summary = "Delete one item from the catalog")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiProblems.InvalidId
    @ApiProblems.ItemNotFound
    @ApiProblems.Ingest
    HttpResponse<?> delete(@Parameter(description = "The item's id, exactly as given", example = "i42")
                           @PathVariable("id") String id) {
        ItemId item = PathIds.item(id);
        return deleteItem.delete(new DeleteItemCommand(item)) ? HttpResponse.noContent()
                : ProblemResponses.notFound("item-not-found", "id", notInCatalog(item));
    }

    /** Up to 10,000 items; each is checked on its own, so one bad item does not cost the others. */
    @Post(uri = "/items:batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Tag(name = "ingest")
    @Operation(operationId = "putItems",
            summary = "Create or replace up to 10,000 items; each is checked on its own",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value =
                    "[{\"itemId\":\"i42\",\"categories\":[\"drama\"],\"available\":true},"
                    + "{\"itemId\":\"i7\",\"tags\":[\"new\"]}]"))))
    @ApiResponse(responseCode = "200",
            description = "How many items were stored, and the refused ones by index with the field at "
                    + "fault",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogJson.UpsertResponse.class),
                    examples = @ExampleObject(value =
                    "{\"upserted\":1,\"rejected\":[{\"index\":1,\"field\":\"itemId\","
                    + "\"message\":\"is required\"}]}")))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_400_PREFIX
                    + "\"detail\":\"must be a JSON array of items, not object\",\"field\":\"body\"}")))
    @ApiProblems.Ingest
    CatalogJson.UpsertResponse batch(@Schema(implementation = RequestShapes.ItemBatch.class) @Body byte[] body) {
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

    private static String notInCatalog(ItemId id) {
        return "no item '" + id.value() + "' in the catalog";
    }
}
