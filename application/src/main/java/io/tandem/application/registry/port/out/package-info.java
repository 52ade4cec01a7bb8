/**
 * What the registry needs: version metadata, stage changes and their announcement, artifacts, and a way to measure a
 * version.
 */
package io.tandem.application.registry.port.out;
