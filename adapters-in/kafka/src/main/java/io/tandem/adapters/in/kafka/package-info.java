/**
 * Consumers of the Kafka event log (DESIGN.md section 4): read {@code tandem.events}, validate every record through
 * the shared {@link io.tandem.domain.interaction.EventSubmission} rules, dead-letter the bad ones and hand the good
 * ones, partition by partition in offset order, to the online feature updater or the lake archiver; and the
 * listener of {@code tandem.models}, which every instance runs without a consumer group so that each champion change
 * reaches every serving instance. Plain Java: bootstrap constructs and starts them.
 */
package io.tandem.adapters.in.kafka;
