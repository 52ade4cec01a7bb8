/** Inbound ports: one use case per interface, one method, taking a self-validating command or query. */
package io.tandem.application.port.in;
