/**
 * Embedded defaults kept in process memory: the event log, event-id claims, the online feature store, the
 * catalog and the job store. They need no server and lose their state on exit.
 */
package io.tandem.adapters.out.memory;
