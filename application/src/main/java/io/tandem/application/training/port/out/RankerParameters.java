package io.tandem.application.training.port.out;

import io.tandem.domain.InvalidFieldException;

/** The knobs of LambdaMART training that Tandem exposes; {@code seed} makes training repeatable. */
public record RankerParameters(int rounds, int maxDepth, double learningRate, double minChildWeight,
                               int earlyStoppingRounds, long seed) {

    public RankerParameters {
        if (rounds < 1) {
            throw new InvalidFieldException("ranker.rounds", "must be 1 or more");
        }
        if (maxDepth < 1 || maxDepth > 16) {
            throw new InvalidFieldException("ranker.max-depth", "must be between 1 and 16");
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new InvalidFieldException("ranker.learning-rate", "must be in (0, 1]");
        }
        if (minChildWeight < 0 || earlyStoppingRounds < 0) {
            throw new InvalidFieldException("ranker", "min-child-weight and early-stopping-rounds must not be negative");
        }
    }

    public static RankerParameters defaults() {
        return new RankerParameters(200, 6, 0.1, 1.0, 20, 42L);
    }
}
