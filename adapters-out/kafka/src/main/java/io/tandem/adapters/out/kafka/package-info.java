/**
 * The Kafka event log: appends validated events to the {@code tandem.events} topic with the plain Apache Kafka
 * producer (acks=all, one transaction per append on a small pool of transactional producers), in the public event
 * wire format, keyed by user id. Its readers consume with {@code isolation.level=read_committed}. Also the
 * publisher of champion changes to {@code tandem.models}, keyed by model name.
 */
package io.tandem.adapters.out.kafka;
