package io.tandem.domain.experiment.offpolicy;

import io.tandem.domain.InvalidFieldException;

import java.util.List;
import java.util.Objects;

/** The importance weight {@code π_target / propensity} of every record of a log. */
final class ImportanceWeights {

    private final double[] weights;

    private ImportanceWeights(double[] weights) {
        this.weights = weights;
    }

    static ImportanceWeights of(List<LoggedDecision> log, TargetPolicy target) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(target, "target");
        if (log.size() < 2) {
            throw new InvalidFieldException("log", "at least two logged decisions are needed");
        }
        double[] weights = new double[log.size()];
        for (int i = 0; i < weights.length; i++) {
            LoggedDecision decision = log.get(i);
            double probability = target.probability(decision.context(), decision.position(), decision.action());
            if (!(probability >= 0 && probability <= 1)) {
                throw new InvalidFieldException("target", "gave probability " + probability + " to action "
                        + decision.action());
            }
            weights[i] = probability / decision.propensity();
        }
        return new ImportanceWeights(weights);
    }

    double weight(int record) {
        return weights[record];
    }

    /** {@code (Σw)² / Σw²}. */
    double effectiveSampleSize() {
        double sum = 0;
        double squares = 0;
        for (double weight : weights) {
            sum += weight;
            squares += weight * weight;
        }
        return squares == 0 ? 0 : sum * sum / squares;
    }
}
