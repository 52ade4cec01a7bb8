/**
 * Embedded defaults kept in process memory: the event log, event-id claims, the online feature store, the
 * catalog, the job store, API keys, experiments and their online metrics. They need no server and lose their
 * state on exit.
 */
package io.tandem.adapters.out.memory;
