package io.tandem.adapters.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tandem.application.jobs.port.in.JobAlreadyRunningException;
import jakarta.inject.Singleton;

/**
 * A job was asked for while another is queued or running: 409 naming {@code type}, with a {@code Location}
 * header pointing at the job that holds the slot, so the client can follow it and retry once it is done.
 */
@Produces
@Singleton
final class JobAlreadyRunningExceptionHandler
        implements ExceptionHandler<JobAlreadyRunningException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, JobAlreadyRunningException exception) {
        return ProblemResponses.respond(Problem.of(409, "Conflict", "job-already-running", "type",
                        exception.getMessage()))
                .header("Location", JobsController.PATH + "/" + exception.running().id());
    }
}
