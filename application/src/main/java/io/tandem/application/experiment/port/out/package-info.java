/**
 * What the experiments feature needs from outside: an experiment store (save, load, list, change atomically) and an
 * online-metric store (the per-variant, per-day figures the attribution aggregate produced, and the state of each
 * challenger's sequential test between looks).
 */
package io.tandem.application.experiment.port.out;
