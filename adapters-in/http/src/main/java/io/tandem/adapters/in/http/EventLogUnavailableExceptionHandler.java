package io.tandem.adapters.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tandem.domain.interaction.EventLogUnavailableException;
import jakarta.inject.Singleton;

/** The event log refused a batch: 503 with Retry-After, so the client retries instead of losing events. */
@Produces
@Singleton
final class EventLogUnavailableExceptionHandler
        implements ExceptionHandler<EventLogUnavailableException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, EventLogUnavailableException exception) {
        long seconds = Math.max(1, exception.retryAfter().toSeconds());
        Problem problem = Problem.of(503, "Service Unavailable", "event-log-unavailable", null,
                "the event log cannot accept events now; nothing of this batch was accepted, retry after "
                        + seconds + " s");
        return ProblemResponses.respond(problem).header("Retry-After", Long.toString(seconds));
    }
}
