package io.tandem.adapters.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.DecoderException;
import jakarta.inject.Singleton;

/**
 * A body that does not decode as its {@code Content-Encoding} says (a gzip header on plain text, a truncated
 * deflate stream) is the client's mistake: 400 naming the body, not a server error.
 */
@Produces
@Singleton
final class DecodingFailureHandler implements ExceptionHandler<DecoderException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DecoderException exception) {
        return ProblemResponses.badRequest("body", "could not be decoded as its Content-Encoding says");
    }
}
