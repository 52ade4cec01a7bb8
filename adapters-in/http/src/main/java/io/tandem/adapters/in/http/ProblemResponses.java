package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

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
}
