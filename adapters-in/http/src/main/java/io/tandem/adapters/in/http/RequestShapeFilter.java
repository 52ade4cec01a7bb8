package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Refuses requests the routes would otherwise misread (ADR-0019): a path whose percent-escapes are not valid UTF-8
 * (the framework would decode {@code %FF} and {@code %ED%A0%80} to U+FFFD, so two different ids would name one
 * item), and a body in a content encoding the server does not decode (gzip and deflate are decoded before this
 * filter sees the request; anything else would be read as if it were plain JSON).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestShapeFilter {

    @RequestFilter
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        String rawPath = request.getUri().getRawPath();
        if (rawPath != null && rawPath.indexOf('%') >= 0 && !validUtf8(rawPath)) {
            return ProblemResponses.badRequest("path", "holds a percent-escaped byte sequence that is not valid "
                    + "UTF-8; ids are valid UTF-8 text");
        }
        String encoding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
            return ProblemResponses.respond(Problem.of(415, "Unsupported Media Type", "unsupported-encoding",
                    "Content-Encoding", "this content encoding is not supported; send gzip, deflate or no encoding"));
        }
        return null;
    }

    /** Whether the bytes the path's escapes spell, together with its plain characters, are valid UTF-8. */
    static boolean validUtf8(String rawPath) {
        ByteBuffer bytes = ByteBuffer.allocate(rawPath.length() * 3);
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && HexFormat.isHexDigit(rawPath.charAt(i + 1))
                    && HexFormat.isHexDigit(rawPath.charAt(i + 2))) {
                bytes.put((byte) HexFormat.fromHexDigits(rawPath, i + 1, i + 3));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
