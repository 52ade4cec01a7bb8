package io.tandem.adapters.in.http;

import io.micronaut.http.HttpMethod;
import io.tandem.domain.access.Scope;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The table from route to scope (ADR-0027), on the raw path so that an id holding an escaped {@code /} stays one
 * segment. Open routes (health, Prometheus, OpenAPI, the console's pages) need no key; a route the table does not
 * name needs {@code admin}, so a new route is never open by mistake ({@code RouteScopesTest} makes every
 * controller route appear here).
 */
final class RouteScopes {

    /** One row: these methods on paths matching {@code path} need {@code scope}. */
    record Rule(Set<HttpMethod> methods, Pattern path, Scope scope) {

        boolean matches(HttpMethod method, String rawPath) {
            return methods.contains(method) && path.matcher(rawPath).matches();
        }
    }

    private static final String ID = "[^/]+";
    private static final Pattern OPEN = Pattern.compile(
            "/health(/.*)?|/prometheus|/openapi(/.*)?|/openapi\\.yml|/console(/.*)?");

    static final List<Rule> RULES = List.of(
            rule(Set.of(HttpMethod.POST), "/v1/events", Scope.INGEST),
            rule(Set.of(HttpMethod.PUT, HttpMethod.DELETE), "/v1/items/" + ID, Scope.INGEST),
            rule(Set.of(HttpMethod.POST), "/v1/items:batch", Scope.INGEST),
            rule(Set.of(HttpMethod.PUT), "/v1/users/" + ID, Scope.INGEST),
            rule(Set.of(HttpMethod.GET, HttpMethod.HEAD), "/v1/items/" + ID + "/similar", Scope.SERVE),
            rule(Set.of(HttpMethod.GET, HttpMethod.HEAD), "/v1/items/" + ID, Scope.SERVE),
            rule(Set.of(HttpMethod.GET, HttpMethod.HEAD), "/v1/users/" + ID + "/recommendations", Scope.SERVE),
            rule(Set.of(HttpMethod.GET, HttpMethod.HEAD), "/v1/users/" + ID, Scope.SERVE),
            rule(Set.of(HttpMethod.GET, HttpMethod.HEAD), "/v1/catalog", Scope.SERVE),
            rule(Set.of(HttpMethod.POST), "/v1/rankings", Scope.SERVE),
            rule(Set.of(HttpMethod.values()), "/v1/models(/.*)?", Scope.ADMIN),
            rule(Set.of(HttpMethod.values()), "/v1/jobs(/.*)?", Scope.ADMIN),
            rule(Set.of(HttpMethod.values()), "/v1/experiments(/.*)?", Scope.ADMIN),
            rule(Set.of(HttpMethod.values()), "/v1/keys(/.*)?", Scope.ADMIN));

    private RouteScopes() {
    }

    private static Rule rule(Set<HttpMethod> methods, String path, Scope scope) {
        return new Rule(methods, Pattern.compile(path), scope);
    }

    /** Whether the path is served without a key. */
    static boolean open(String rawPath) {
        return OPEN.matcher(rawPath).matches();
    }

    /** The rule that names this route, if one does. */
    static Optional<Rule> named(HttpMethod method, String rawPath) {
        return RULES.stream().filter(rule -> rule.matches(method, rawPath)).findFirst();
    }

    /** The scope a request needs: the table's, or {@code admin} for a route it does not name. */
    static Scope required(HttpMethod method, String rawPath) {
        return named(method, rawPath).map(Rule::scope).orElse(Scope.ADMIN);
    }
}
