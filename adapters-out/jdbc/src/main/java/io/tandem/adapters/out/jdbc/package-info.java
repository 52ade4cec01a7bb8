/**
 * Catalog persistence and durable event-id claims in a relational database: PostgreSQL in production, H2
 * in PostgreSQL mode when embedded, one set of Flyway migrations for both. Reads go through Micronaut Data
 * repositories; batch writes are hand-written SQL on Micronaut Data's transaction-bound connection.
 */
package io.tandem.adapters.out.jdbc;
