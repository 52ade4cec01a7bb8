package io.tandem.adapters.in.http;

/**
 * How the API is guarded (ADR-0027): with {@code keysRequired} every route but health, Prometheus, OpenAPI and the
 * console's own pages asks for a key with the route's scope; without it (the embedded demo) only callers on this
 * machine are served.
 */
public record HttpAccessSettings(boolean keysRequired) {
}
