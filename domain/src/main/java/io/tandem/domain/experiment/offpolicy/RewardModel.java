package io.tandem.domain.experiment.offpolicy;

/** A regression of the reward: what a user in a context is expected to give an action at a position. */
@FunctionalInterface
public interface RewardModel {

    double expectedReward(String context, int position, int action);
}
