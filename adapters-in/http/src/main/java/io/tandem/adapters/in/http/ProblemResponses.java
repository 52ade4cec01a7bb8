package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Optional;

/** Builds problem responses with the right status and content type. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(problem)
                .contentType(Problem.CONTENT_TYPE);
    }

    static MutableHttpResponse<Problem> badRequest(String field, String detail) {
        return respond(Problem.of(400, "Bad Request", "invalid-input", field, detail));
    }

    /** 404 with the problem type {@code slug} (such as {@code item-not-found}), naming the field looked up by. */
    static MutableHttpResponse<Problem> notFound(String slug, String field, String detail) {
        return respond(Problem.of(404, "Not Found", slug, field, detail));
    }

    /** 200 with the body when there is one, else the 404 {@link #notFound} gives. */
    static HttpResponse<?> found(Optional<?> body, String slug, String field, String detail) {
        return body.<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> notFound(slug, field, detail));
    }
}
