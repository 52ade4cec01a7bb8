/**
 * The Redis online store (Lettuce): recent items, positive interactions, time-decayed popularity and event
 * counters per user and item, plus event-id claims and rate-limit buckets, shared by every Tandem process that points
 * at the same Redis (or Redis Cluster) and key prefix. Each write is a Lua script, so every event is applied at most
 * once however often it is delivered; hash tags keep each script's keys in one slot (ADR-0030).
 */
package io.tandem.adapters.out.redis;
