package io.tandem.adapters.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tandem.domain.model.ModelNotFoundException;
import jakarta.inject.Singleton;

/** An unknown model or version: 404 naming the path field ({@code name} or {@code version}). */
@Produces
@Singleton
final class ModelNotFoundExceptionHandler implements ExceptionHandler<ModelNotFoundException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ModelNotFoundException exception) {
        return ProblemResponses.respond(Problem.of(404, "Not Found", "model-not-found", exception.field(),
                exception.getMessage()));
    }
}
