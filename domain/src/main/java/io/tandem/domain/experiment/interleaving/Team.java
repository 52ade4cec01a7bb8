package io.tandem.domain.experiment.interleaving;

/** The ranking an interleaved item was drafted from: A (by convention the champion) or B (the challenger). */
public enum Team {
    A,
    B
}
