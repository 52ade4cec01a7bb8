package io.tandem.adapters.in.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Turns every error Micronaut itself raises (unknown route, wrong method, unreadable parameter, body too
 * large, unsupported media type, unexpected failure) into a problem body, so clients see one error format.
 * Server errors never echo exception text: it may hold internals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        List<Error> errors = context.getErrors();
        String field = errors.stream().flatMap(e -> e.getPath().stream()).findFirst().orElse(null);
        String detail;
        if (status.getCode() >= 500) {
            detail = "the server failed to answer; the error is logged";
        } else if (errors.isEmpty()) {
            detail = status.getReason();
        } else {
            detail = errors.get(0).getMessage();
        }
        String slug = status.getReason().toLowerCase(Locale.ROOT).replace(' ', '-');
        Problem problem = Problem.of(status.getCode(), status.getReason(), slug, field, detail);
        if (errors.size() > 1) {
            problem = problem.withErrors(errors.stream()
                    .map(e -> new Problem.FieldError(null, e.getPath().orElse(null), e.getMessage()))
                    .toList());
        }
        return response.body(problem).contentType(Problem.CONTENT_TYPE);
    }
}
