package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.application.port.in.IngestionReport;
import io.tandem.application.port.in.RecordEventsCommand;
import io.tandem.application.port.in.RecordEventsUseCase;
import io.tandem.application.port.in.TooManyEventsException;
import io.tandem.domain.interaction.RejectedEvent;

import java.util.List;

/** {@code POST /v1/events}: a batch of events, accepted one by one; bad ones come back by index. */
@Controller("/v1/events")
final class EventsController {

    private final RecordEventsUseCase recordEvents;

    EventsController(RecordEventsUseCase recordEvents) {
        this.recordEvents = recordEvents;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> record(@Body byte[] body) {
        JsonValue tree = RequestJson.parse(body, "a JSON array of events");
        int count = EventWireFormat.count(tree);
        if (count > RecordEventsCommand.MAX_EVENTS) {
            throw new TooManyEventsException(count, RecordEventsCommand.MAX_EVENTS);
        }
        IngestionReport report = recordEvents.record(new RecordEventsCommand(EventWireFormat.batch(tree)));
        if (report.accepted() == 0 && report.duplicates() == 0 && !report.rejected().isEmpty()) {
            return allRejected(report.rejected());
        }
        return HttpResponse.accepted().body(IngestionResponse.from(report));
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
