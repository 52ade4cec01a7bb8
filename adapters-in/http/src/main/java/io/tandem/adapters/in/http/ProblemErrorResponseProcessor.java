package io.tandem.adapters.in.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Turns every error Micronaut itself raises (unknown route, wrong method, unreadable parameter, body too
 * large, unsupported media type, unexpected failure) into a problem body, so clients see one error format.
 * The framework's own wording is never echoed: it names classes, exception types and configuration keys
 * (ADR-0019). Each status gets a fixed sentence instead, and the field the framework blamed, if any.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private final long maxRequestSize;

    ProblemErrorResponseProcessor(HttpServerConfiguration server) {
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        List<Error> errors = context.getErrors();
        String field = errors.stream().flatMap(e -> e.getPath().stream()).findFirst().orElse(fieldOf(status));
        String detail = detail(status);
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE && !declaresTooLargeABody(context)) {
            // A compressed body that grew past the limit, or a request line or headers beyond the server's.
            field = "request";
            detail = "the request is larger than the server takes: a body of at most " + maxRequestSize
                    + " bytes (after decompression), a request line of at most 4096 bytes, headers of at most 8192";
        }
        String slug = status.getReason().toLowerCase(Locale.ROOT).replace(' ', '-');
        Problem problem = Problem.of(status.getCode(), status.getReason(), slug, field, detail);
        return response.body(problem).contentType(Problem.CONTENT_TYPE);
    }

    private boolean declaresTooLargeABody(ErrorContext context) {
        OptionalLong length = context.getRequest().getHeaders().contentLength();
        return length.isPresent() && length.getAsLong() > maxRequestSize;
    }

    /**
     * The part of the request a framework refusal concerns when the framework names none: a 400 it raises before any
     * route runs is about the request line (a malformed percent-escape in the path, say), a 413 about the body, a
     * 415 about its content type.
     */
    private static String fieldOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "path";
            case REQUEST_ENTITY_TOO_LARGE -> "body";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type";
            default -> null;
        };
    }

    private String detail(HttpStatus status) {
        if (status.getCode() >= 500) {
            return "the server failed to answer; the error is logged";
        }
        return switch (status) {
            case BAD_REQUEST -> "the request could not be read; is every percent-escape of the path two hex digits?";
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case NOT_ACCEPTABLE -> "this resource answers in application/json only";
            case REQUEST_ENTITY_TOO_LARGE -> "the body is larger than the limit of " + maxRequestSize + " bytes";
            case UNSUPPORTED_MEDIA_TYPE -> "this content type is not supported; send application/json";
            default -> status.getReason();
        };
    }
}
