package io.tandem.application.registry.port.in;

/** Asks for every model in the registry; carries nothing, but keeps the one-query-per-use-case shape. */
public record ListModelsQuery() {
}
