package io.tandem.adapters.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tandem.application.ingestion.port.in.TooManyEventsException;
import io.tandem.domain.InvalidFieldException;
import jakarta.inject.Singleton;

/** A domain rule refused an input: 400 naming the field, or 413 when a batch is too large. */
@Produces
@Singleton
final class InvalidFieldExceptionHandler implements ExceptionHandler<InvalidFieldException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidFieldException exception) {
        if (exception instanceof TooManyEventsException) {
            return ProblemResponses.respond(Problem.of(413, "Content Too Large", "batch-too-large",
                    exception.field(), exception.reason()));
        }
        return ProblemResponses.badRequest(exception.field(), exception.reason());
    }
}
