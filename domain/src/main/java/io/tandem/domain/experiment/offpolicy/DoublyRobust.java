package io.tandem.domain.experiment.offpolicy;

import java.util.List;
import java.util.Objects;

/**
 * The doubly robust estimator, {@code mean(Σ_a π(a) q(a) + w (r - q(action)))} with a reward model q: the
 * model's prediction for the target policy, corrected by the weighted error on what was logged. Unbiased when
 * the propensities are right, whatever q; less variable than IPS when q is good.
 */
public record DoublyRobust(RewardModel model) implements OffPolicyEstimator {

    public DoublyRobust {
        Objects.requireNonNull(model, "model");
    }

    @Override
    public OffPolicyEstimate estimate(List<LoggedDecision> log, TargetPolicy target, double confidence) {
        ImportanceWeights weights = ImportanceWeights.of(log, target);
        double[] terms = new double[log.size()];
        for (int i = 0; i < terms.length; i++) {
            LoggedDecision decision = log.get(i);
            double[] distribution = target.distribution(decision.context(), decision.position());
            double direct = 0;
            for (int action = 0; action < distribution.length; action++) {
                if (distribution[action] > 0) {
                    direct += distribution[action] * model.expectedReward(decision.context(), decision.position(),
                            action);
                }
            }
            double predicted = model.expectedReward(decision.context(), decision.position(), decision.action());
            terms[i] = direct + weights.weight(i) * (decision.reward() - predicted);
        }
        return OffPolicyEstimate.meanOf("dr", terms, weights.effectiveSampleSize(), confidence);
    }
}
