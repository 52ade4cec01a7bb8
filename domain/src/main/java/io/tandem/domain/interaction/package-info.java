/**
 * What users do with items: events, their feedback kinds and label weights, and the validation
 * that every input path (HTTP, Kafka, files) shares.
 */
package io.tandem.domain.interaction;
