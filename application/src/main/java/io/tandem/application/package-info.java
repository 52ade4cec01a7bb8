/**
 * Tandem's use cases, one package per feature (ingestion, catalog, feature, training, registry, jobs, serving,
 * evaluation, access): each holds its inbound ports in {@code port.in}, what it needs from the outside in
 * {@code port.out}, and the services that implement them. Features depend on each other one way only.
 */
package io.tandem.application;
