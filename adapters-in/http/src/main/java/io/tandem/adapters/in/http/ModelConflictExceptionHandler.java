package io.tandem.adapters.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tandem.domain.model.ModelConflictException;
import jakarta.inject.Singleton;

/** The registry's state refuses the request (no previous champion, a champion changed meanwhile): 409. */
@Produces
@Singleton
final class ModelConflictExceptionHandler implements ExceptionHandler<ModelConflictException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ModelConflictException exception) {
        return ProblemResponses.respond(Problem.of(409, "Conflict", "model-conflict", exception.field(),
                exception.getMessage()));
    }
}
