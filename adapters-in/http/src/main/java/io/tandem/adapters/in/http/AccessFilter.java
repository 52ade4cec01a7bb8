package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.access.port.in.AuthenticateUseCase;
import io.tandem.application.access.port.in.ThrottleRequestsUseCase;
import io.tandem.domain.access.Principal;
import io.tandem.domain.access.Scope;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * API keys, scopes and rate limits on every request (ADR-0027). The key comes as {@code Authorization: Bearer
 * <key>} or {@code X-Api-Key}; missing, unknown or revoked is 401, a key without the route's scope ({@link
 * RouteScopes}) is 403, a key over its rate limit for the route class is 429 with {@code Retry-After}; all
 * problem+json, none quoting the key. A principal already set on the request as {@link #PRINCIPAL} (the console
 * signs in with a key and keeps it in a session) is used as it is. With keys off, only loopback callers are served.
 * Without {@link HttpAccessSettings} (tests of single controllers) keys are off: loopback callers only. With keys
 * required and no use case to check them, every request is refused.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AccessFilter implements Ordered {

    /** The request attribute holding the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "tandem.principal";
    private static final String BEARER = "bearer ";
    static final String API_KEY_HEADER = "X-Api-Key";

    private final HttpAccessSettings settings;
    private final AuthenticateUseCase authenticate;
    private final ThrottleRequestsUseCase throttle;

    AccessFilter(@Nullable HttpAccessSettings settings, @Nullable AuthenticateUseCase authenticate,
                 @Nullable ThrottleRequestsUseCase throttle) {
        this.settings = settings != null ? settings : new HttpAccessSettings(false);
        this.authenticate = authenticate != null ? authenticate : presented -> Optional.empty();
        this.throttle = throttle != null ? throttle : (principal, routeClass) -> Duration.ofSeconds(60);
    }

    @Override
    public int getOrder() {
        // After the request-shape checks (order 0), before any route runs.
        return 100;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        String rawPath = request.getUri().getRawPath();
        if (rawPath == null || RouteScopes.open(rawPath)) {
            return null;
        }
        if (!settings.keysRequired()) {
            return loopback(request) ? null : ProblemResponses.respond(Problem.of(403, "Forbidden", "keys-disabled",
                    "Authorization", "API keys are off on this instance, so it serves only callers on the same "
                            + "machine; set tandem.auth.enabled=true to serve others with keys"));
        }
        Scope scope = RouteScopes.required(request.getMethod(), rawPath);
        Optional<Principal> principal = request.getAttribute(PRINCIPAL, Principal.class);
        if (principal.isEmpty()) {
            Optional<String> key = presentedKey(request);
            if (key.isEmpty()) {
                return unauthorized("missing-api-key", "a key is required: send Authorization: Bearer <key> or "
                        + API_KEY_HEADER);
            }
            principal = authenticate.authenticate(key.get());
            if (principal.isEmpty()) {
                return unauthorized("invalid-api-key", "the key is unknown, revoked or malformed");
            }
            request.setAttribute(PRINCIPAL, principal.get());
        }
        if (!principal.get().allows(scope)) {
            return ProblemResponses.respond(Problem.of(403, "Forbidden", "insufficient-scope", "Authorization",
                    "this route needs a key with the '" + scope.label() + "' scope"));
        }
        Duration wait = throttle.admit(principal.get(), scope);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return ProblemResponses.respond(Problem.of(429, "Too Many Requests", "rate-limited", "Authorization",
                            "this key is over its rate limit for " + scope.label() + " routes; retry after "
                                    + seconds + " s"))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return null;
    }

    private static MutableHttpResponse<Problem> unauthorized(String slug, String detail) {
        return ProblemResponses.respond(Problem.of(401, "Unauthorized", slug, "Authorization", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tandem\"");
    }

    /** The key from {@code Authorization: Bearer} (the scheme in any case) or else {@code X-Api-Key}. */
    static Optional<String> presentedKey(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.of(authorization.substring(BEARER.length()));
        }
        String header = request.getHeaders().get(API_KEY_HEADER);
        return header == null || header.isEmpty() ? Optional.empty() : Optional.of(header);
    }

    private static boolean loopback(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }
}
