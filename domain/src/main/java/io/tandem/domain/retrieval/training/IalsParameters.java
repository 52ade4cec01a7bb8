package io.tandem.domain.retrieval.training;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * Settings of implicit alternating least squares: embedding size, sweeps, L2 {@code regularization}, the
 * confidence {@code 1 + alpha * w} of an observed cell (w = 1, or log(1 + value) to trust repeated plays more),
 * conjugate-gradient steps per row and the seed of the initial item vectors.
 */
public record IalsParameters(int factors, int iterations, double regularization, double alpha,
                             int conjugateGradientSteps, Confidence confidence, long seed) {

    /** How an observed cell's value turns into confidence. */
    public enum Confidence {
        /** Every observed cell weighs the same. */
        BINARY,
        /** {@code log(1 + value)}: play counts and ratings raise confidence, with diminishing returns. */
        LOG_VALUE
    }

    public IalsParameters {
        if (factors < 1 || factors > 1024) {
            throw new InvalidFieldException("ials.factors", "must be between 1 and 1024");
        }
        if (iterations < 1) {
            throw new InvalidFieldException("ials.iterations", "must be 1 or more");
        }
        if (!(regularization > 0)) {
            throw new InvalidFieldException("ials.regularization", "must be positive");
        }
        if (!(alpha >= 0)) {
            throw new InvalidFieldException("ials.alpha", "must not be negative");
        }
        if (conjugateGradientSteps < 1) {
            throw new InvalidFieldException("ials.cg-steps", "must be 1 or more");
        }
        Objects.requireNonNull(confidence, "confidence");
    }

    /**
     * 32 factors, 10 sweeps, regularization 100, alpha 20, 3 CG steps, binary confidence: chosen on validation
     * splits inside the MovieLens 100K training files (strong regularization mattered most).
     */
    public static IalsParameters defaults() {
        return new IalsParameters(32, 10, 100, 20, 3, Confidence.BINARY, 42L);
    }
}
