package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.ingestion.port.in.TooManyEventsException;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.RejectedEvent;

import java.util.List;
import java.util.Optional;

/** {@code POST /v1/events}: a batch of events, accepted one by one; bad ones come back by index. */
@Controller("/v1/events")
@Tag(name = "ingest")
@ApiProblems.Ingest
final class EventsController {

    private final RecordEventsUseCase recordEvents;

    EventsController(RecordEventsUseCase recordEvents) {
        this.recordEvents = recordEvents;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "recordEvents",
            summary = "Record a batch of events (up to the batch limit); each is accepted or "
                    + "rejected on its own",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value =
                    "[{\"id\":\"e-1\",\"type\":\"click\",\"userId\":\"u1\",\"itemId\":\"i42\","
                    + "\"time\":\"2026-12-07T02:30:00Z\",\"context\":{\"surface\":\"home\","
                    + "\"requestId\":\"7f3c2a9e-5b1d-4c8e-9a0f-2d6b4e8c1a37\",\"position\":1}},"
                    + "{\"id\":\"e-2\",\"type\":\"purchase\",\"userId\":\"u1\",\"itemId\":\"i7\","
                    + "\"time\":\"2026-12-07T02:31:00Z\",\"value\":12.5}]"))))
    @ApiResponse(responseCode = "202",
            description = "Accepted: counts, and the rejected events by index with the field at fault",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IngestionResponse.class),
                    examples = @ExampleObject(value =
                    "{\"accepted\":1,\"duplicates\":0,\"rejected\":[{\"index\":1,"
                    + "\"field\":\"type\",\"message\":\"is required\"}]}")))
    @ApiResponse(responseCode = "400",
            description = "No event in the batch is valid (problem+json naming the first field, errors lists each)",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/invalid-events\",\"title\":\"Bad "
                    + "Request\",\"status\":400,\"detail\":\"is required\","
                    + "\"field\":\"events[0].type\",\"errors\":[{\"index\":0,\"field\":\"type\","
                    + "\"message\":\"is required\"}]}")))
    @ApiResponse(responseCode = "413",
            description = "More events than one batch may hold",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/batch-too-large\","
                    + "\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"at most 10000 "
                    + "events at once\",\"field\":\"events\"}")))
    HttpResponse<?> record(
            @Schema(implementation = RequestShapes.EventBatch.class) @Body byte[] body) {
        IngestionReport report = recordEvents.record(new RecordEventsCommand(submissions(body)));
        if (report.accepted() == 0 && report.duplicates() == 0 && !report.rejected().isEmpty()) {
            return allRejected(report.rejected());
        }
        return HttpResponse.accepted().body(IngestionResponse.from(report));
    }

    /**
     * The body's events: read straight from the bytes when the body is plainly well-formed, else through the strict
     * tree reader, which words every refusal; either way an oversized batch is refused before anything is judged.
     */
    private static List<EventSubmission> submissions(byte[] body) {
        Optional<List<EventSubmission>> plain = EventWireFormat.plainBatch(body);
        if (plain.isPresent()) {
            requireBatchSize(plain.get().size());
            return plain.get();
        }
        JsonValue tree = RequestJson.parse(body, "a JSON array of events");
        requireBatchSize(EventWireFormat.count(tree));
        return EventWireFormat.batch(tree);
    }

    private static void requireBatchSize(int count) {
        if (count > RecordEventsCommand.MAX_EVENTS) {
            throw new TooManyEventsException(count, RecordEventsCommand.MAX_EVENTS);
        }
    }

    /** Nothing in the batch was usable: that is a bad request, and the body says why for each event. */
    private static HttpResponse<Problem> allRejected(List<RejectedEvent> rejected) {
        RejectedEvent first = rejected.get(0);
        String detail = rejected.size() == 1
                ? first.message()
                : "none of the " + rejected.size() + " events is valid; see errors";
        Problem problem = Problem.of(400, "Bad Request", "invalid-events", fieldOf(first), detail)
                .withErrors(rejected.stream()
                        .map(r -> new Problem.FieldError(r.index(), r.field(), r.message()))
                        .toList());
        return ProblemResponses.respond(problem);
    }

    private static String fieldOf(RejectedEvent rejected) {
        return "events[" + rejected.index() + "]." + rejected.field();
    }

    @Serdeable
    record IngestionResponse(int accepted, int duplicates, List<Rejection> rejected) {

        static IngestionResponse from(IngestionReport report) {
            return new IngestionResponse(report.accepted(), report.duplicates(), report.rejected().stream()
                    .map(r -> new Rejection(r.index(), r.field(), r.message()))
                    .toList());
        }
    }

    @Serdeable
    record Rejection(int index, String field, String message) {
    }
}
