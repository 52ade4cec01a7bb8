package io.tandem.domain.experiment.offpolicy;

import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.RatioSums;

import java.util.List;

/**
 * Self-normalised inverse propensity scoring, {@code Σ w r / Σ w}: slightly biased in small logs, far less
 * variable than plain IPS when a few weights are heavy. Its variance is the delta method's for a ratio whose
 * units are the logged records.
 */
public record SelfNormalisedIps() implements OffPolicyEstimator {

    @Override
    public OffPolicyEstimate estimate(List<LoggedDecision> log, TargetPolicy target, double confidence) {
        ImportanceWeights weights = ImportanceWeights.of(log, target);
        double sumW = 0;
        double sumWr = 0;
        double sumWw = 0;
        double sumWrWr = 0;
        double sumWWr = 0;
        for (int i = 0; i < log.size(); i++) {
            double w = weights.weight(i);
            double wr = w * log.get(i).reward();
            sumW += w;
            sumWr += wr;
            sumWw += w * w;
            sumWrWr += wr * wr;
            sumWWr += w * wr;
        }
        Estimate ratio = new RatioSums(log.size(), sumW, sumWr, sumWw, sumWrWr, sumWWr).estimate();
        return new OffPolicyEstimate("snips", ratio.value(), ratio.standardError(), ratio.interval(confidence),
                log.size(), weights.effectiveSampleSize());
    }
}
