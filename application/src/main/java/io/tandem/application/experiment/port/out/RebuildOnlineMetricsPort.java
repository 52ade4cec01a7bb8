package io.tandem.application.experiment.port.out;

/**
 * Switches an experiment's cells to a rebuilt generation (ADR-0026, amended): {@link #beginRebuild} opens a fresh,
 * empty generation that every writer adds to beside the current one (abandoning an unfinished earlier rebuild), and
 * {@link #finishRebuild} makes it current in one step, dropping the generations before it.
 */
public interface RebuildOnlineMetricsPort {

    /** Opens a fresh generation for {@code experiment} and returns it. */
    long beginRebuild(String experiment);

    /** Makes {@code generation} current; false when it is no longer the one being built. */
    boolean finishRebuild(String experiment, long generation);
}
