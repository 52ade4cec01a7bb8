/**
 * Relational persistence: the catalog, durable event-id claims, the model registry, the job store, API keys, and
 * experiments with their online metrics.
 * PostgreSQL in production, H2 in PostgreSQL mode when embedded, one set of Flyway migrations for both. Reads
 * go through Micronaut Data repositories; batch writes and multi-statement changes are hand-written SQL on
 * Micronaut Data's transaction-bound connection.
 */
package io.tandem.adapters.out.jdbc;
