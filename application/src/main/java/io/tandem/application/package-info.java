/** Tandem's use cases: inbound ports (what callers can ask), outbound ports (what the core needs) and services. */
package io.tandem.application;
