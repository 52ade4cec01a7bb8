package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides champion against challenger: the challenger wins only when its {@code metric} (higher is better,
 * as for NDCG, MAP, recall or AUC), measured on the same hold-out as the champion's, exceeds the champion's
 * by more than {@code margin}. With no champion the challenger wins. A margin keeps noise from flipping the
 * champion back and forth between near-equal versions.
 *
 * @param margin absolute difference the challenger must exceed, zero or more
 */
public record PromotionPolicy(String metric, double margin) {

    public PromotionPolicy {
        metric = InvalidFieldException.requireText("promotion.metric", metric);
        if (!Double.isFinite(margin) || margin < 0) {
            throw new InvalidFieldException("promotion.margin", "must be a finite number, zero or more");
        }
    }

    /**
     * @throws InvalidFieldException naming {@code metrics.holdOut} when the two were measured on different
     *                               hold-outs, or {@code metrics.<metric>} when either lacks the metric
     */
    public PromotionDecision decide(ModelMetrics challenger, Optional<ModelMetrics> champion) {
        double challengerValue = valueOf(challenger, "challenger");
        if (champion.isEmpty()) {
            return new PromotionDecision(true, "no champion yet; the challenger has " + metric + " "
                    + format(challengerValue));
        }
        if (!champion.get().holdOut().equals(challenger.holdOut())) {
            throw new InvalidFieldException("metrics.holdOut", "the challenger was measured on '"
                    + challenger.holdOut() + "' but the champion on '" + champion.get().holdOut()
                    + "'; compare them on the same hold-out");
        }
        double championValue = valueOf(champion.get(), "champion");
        boolean wins = challengerValue > championValue + margin;
        return new PromotionDecision(wins, metric + " on " + challenger.holdOut() + ": challenger "
                + format(challengerValue) + (wins ? " beats" : " does not beat") + " champion "
                + format(championValue) + " by more than " + format(margin));
    }

    private double valueOf(ModelMetrics metrics, String role) {
        OptionalDouble value = metrics.value(metric);
        if (value.isEmpty()) {
            throw new InvalidFieldException("metrics." + metric, "the " + role + " has no " + metric
                    + " on '" + metrics.holdOut() + "'");
        }
        return value.getAsDouble();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
