package io.tandem.application.training;

import io.tandem.domain.InvalidFieldException;

/**
 * The bounds that keep a training run's time and memory in check on a large lake (ADR-0029). Above them a run
 * degrades by seeded sampling and says so in its progress and its version's metadata, instead of running out of
 * memory or time.
 *
 * @param evaluationUsers hold-out users measured at most (a seeded sample above that); 0 measures every one
 * @param maxInteractions positive interactions trained on at most: above it, a seeded sample of users is kept
 *                        whole until their interactions reach it
 */
public record TrainingLimits(int evaluationUsers, int maxInteractions) {

    /** A mean over this many users has a standard error of 1.4% of the per-user spread (σ/√5000). */
    public static final int DEFAULT_EVALUATION_USERS = 5_000;
    /**
     * About 1.5 times the interactions of the 3M-event bench, the largest run measured inside a 4 GB heap
     * (docs/benchmarks.md, "Training at scale").
     */
    public static final int DEFAULT_MAX_INTERACTIONS = 2_000_000;

    public TrainingLimits {
        if (evaluationUsers < 0) {
            throw new InvalidFieldException("tandem.training.evaluation-users", "must be 0 (every user) or more");
        }
        if (maxInteractions < 1) {
            throw new InvalidFieldException("tandem.training.max-interactions", "must be 1 or more");
        }
    }

    public static TrainingLimits defaults() {
        return new TrainingLimits(DEFAULT_EVALUATION_USERS, DEFAULT_MAX_INTERACTIONS);
    }
}
