/**
 * The Redis online store (Lettuce): recent items, positive interactions, time-decayed popularity and event
 * counters per user and item, plus event-id claims, shared by every Tandem process that points at the same
 * Redis and key prefix. Each write is a Lua script, so every event is applied at most once however often it is
 * delivered.
 */
package io.tandem.adapters.out.redis;
