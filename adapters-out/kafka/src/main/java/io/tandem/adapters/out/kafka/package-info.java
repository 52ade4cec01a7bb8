/**
 * The Kafka event log: appends validated events to the {@code tandem.events} topic with the plain Apache Kafka
 * producer (acks=all, idempotent), in the public event wire format, keyed by user id.
 */
package io.tandem.adapters.out.kafka;
