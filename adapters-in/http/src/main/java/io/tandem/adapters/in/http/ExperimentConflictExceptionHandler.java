package io.tandem.adapters.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tandem.domain.experiment.ExperimentConflictException;
import jakarta.inject.Singleton;

/**
 * The experiments' state refuses the request (ADR-0024): a step the life cycle does not allow, an overlapping
 * experiment running, a name taken. 409 naming the field at issue.
 */
@Produces
@Singleton
final class ExperimentConflictExceptionHandler
        implements ExceptionHandler<ExperimentConflictException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ExperimentConflictException exception) {
        return ProblemResponses.respond(Problem.of(409, "Conflict", "experiment-conflict", exception.field(),
                exception.getMessage()));
    }
}
