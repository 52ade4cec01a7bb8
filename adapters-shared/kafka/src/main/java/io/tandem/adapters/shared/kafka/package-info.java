/**
 * Adapter code that more than one adapter shares (ADR-0004) about Kafka: the metadata that the event log consumers
 * record beside their group's commit, which the Kafka consumer writes and reads and the ingest benchmark reads.
 */
package io.tandem.adapters.shared.kafka;
