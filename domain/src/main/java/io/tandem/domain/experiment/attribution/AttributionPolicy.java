package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.RankingMetric;

import java.time.Duration;

/**
 * How follow-ups are attributed: the cut-off of the list-quality metrics and how long after serving an event
 * may still count for its request.
 *
 * @param cutOff the k of NDCG@k and MRR@k
 * @param window the attribution window, positive
 */
public record AttributionPolicy(int cutOff, Duration window) {

    public static final AttributionPolicy DEFAULT = new AttributionPolicy(10, Duration.ofDays(1));

    public AttributionPolicy {
        RankingMetric.requireCutOff(cutOff);
        if (window == null || window.isNegative() || window.isZero()) {
            throw new InvalidFieldException("window", "must be a positive duration");
        }
    }
}
