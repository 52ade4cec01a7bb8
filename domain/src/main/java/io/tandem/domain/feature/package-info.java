/**
 * Features: what the online store keeps about users and items, and the single policy that turns an event
 * into feature changes, shared by the live ingestion path and offline replay.
 */
package io.tandem.domain.feature;
