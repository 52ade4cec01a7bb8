/**
 * The one deployable: reads configuration, chooses one adapter per port, builds the services by hand
 * and starts the inbound adapters. Nothing else in Tandem knows about Micronaut's dependency injection.
 */
package io.tandem.bootstrap;
