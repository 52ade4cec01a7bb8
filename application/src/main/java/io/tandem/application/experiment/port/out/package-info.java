/**
 * What the experiments feature needs from outside: an experiment store (save, load, list, change atomically) and an
 * online-metric store (the per-variant, per-day figures the attribution aggregate produced, and the state of each
 * challenger's sequential test between looks), and a served-list store (what each request inside an experiment
 * served, kept for its attribution window), and the lake's table of served lists (written in batches, read back to
 * rebuild the metrics).
 */
package io.tandem.application.experiment.port.out;
