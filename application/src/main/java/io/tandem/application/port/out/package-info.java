/** Outbound ports: narrow, verb-named interfaces the core calls and adapters implement, in domain types only. */
package io.tandem.application.port.out;
