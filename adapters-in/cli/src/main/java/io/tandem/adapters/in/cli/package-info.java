/**
 * The {@code tandem} command line (picocli). Commands reach the running platform only through
 * {@link io.tandem.adapters.in.cli.TandemLauncher}, which bootstrap implements.
 */
package io.tandem.adapters.in.cli;
