package io.tandem.domain.experiment.readout;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.attribution.Guardrails;

import java.util.ArrayList;
import java.util.List;

/**
 * How much worse than the champion a challenger may be on the guardrails before the experiment stops,
 * whatever it does to the primary metric.
 *
 * @param p99LatencyRatio     the challenger's p99 latency may be at most this multiple of the champion's
 * @param fallbackShareMargin the challenger's fallback share may exceed the champion's by at most this much,
 *                            judged on the lower end of its Wilson interval so that noise alone does not stop it
 */
public record GuardrailLimits(double p99LatencyRatio, double fallbackShareMargin) {

    public static final GuardrailLimits DEFAULT = new GuardrailLimits(1.2, 0.01);

    public GuardrailLimits {
        if (!(p99LatencyRatio >= 1) || Double.isInfinite(p99LatencyRatio)) {
            throw new InvalidFieldException("p99LatencyRatio", "must be a finite number, 1 or more");
        }
        if (!(fallbackShareMargin >= 0 && fallbackShareMargin < 1)) {
            throw new InvalidFieldException("fallbackShareMargin", "must lie in [0, 1)");
        }
    }

    /** The guardrails the challenger breaks, in words; empty when it keeps them all. */
    public List<String> breaches(Guardrails champion, Guardrails challenger, double confidence) {
        List<String> breaches = new ArrayList<>();
        if (champion.p99LatencyMillis() > 0
                && challenger.p99LatencyMillis() > p99LatencyRatio * champion.p99LatencyMillis()) {
            breaches.add(String.format("p99 latency %.1f ms is above %.2f x the champion's %.1f ms",
                    challenger.p99LatencyMillis(), p99LatencyRatio, champion.p99LatencyMillis()));
        }
        double lowest = challenger.fallbackShareInterval(confidence).low();
        if (lowest > champion.fallbackShare() + fallbackShareMargin) {
            breaches.add(String.format("fallback share %.4f (at least %.4f) exceeds the champion's %.4f by more "
                    + "than %.4f", challenger.fallbackShare(), lowest, champion.fallbackShare(), fallbackShareMargin));
        }
        return breaches;
    }
}
