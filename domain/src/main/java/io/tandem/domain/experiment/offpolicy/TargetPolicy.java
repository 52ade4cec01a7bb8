package io.tandem.domain.experiment.offpolicy;

/** The policy being evaluated: how likely it is to put each action at a position in a context. */
@FunctionalInterface
public interface TargetPolicy {

    /**
     * The probability of each action (index 0 to k - 1) at {@code position} in {@code context}; the values sum
     * to at most 1 (less when the policy may show nothing there). An action beyond the array has probability 0.
     */
    double[] distribution(String context, int position);

    /** The probability of one action. */
    default double probability(String context, int position, int action) {
        double[] distribution = distribution(context, position);
        return action < distribution.length ? distribution[action] : 0;
    }
}
