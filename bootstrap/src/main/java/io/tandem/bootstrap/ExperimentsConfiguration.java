package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.readout.GuardrailLimits;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.readout.ReadoutPolicy;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SampleRatio;

import java.time.Duration;

/**
 * {@code tandem.experiments.*} (ADRs 0024, 0025): how experiments are decided and how soon an instance sees one
 * start or stop. {@code metric} is the primary metric; {@code expected-difference} the difference of it one hopes to
 * detect (the mSPRT's τ); {@code alpha} the error rate over every look; a look needs {@code min-users} in each
 * variant, and {@code max-users} per variant without a difference stops the experiment. {@code refresh-interval} is
 * how often an instance re-reads the running experiments. Follow-up events count for {@code attribution-window}
 * after their list was served, and list quality is judged at the top {@code attribution-cut-off} places (ADR-0026);
 * a served list is kept in the online store for {@code served-list-ttl}, which must outlast the window; {@code attribute}
 * says whether this instance's online-feature consumer attributes follow-ups (any number may, ADR-0026). The
 * guardrails: a challenger's p99 latency may be at most {@code p99-latency-ratio} times the champion's, and its
 * fallback share at most {@code fallback-share-margin} above it. The store is an {@link AdapterChoice}.
 */
@ConfigurationProperties("tandem.experiments")
record ExperimentsConfiguration(@Bindable(defaultValue = "click-through-rate") String metric,
                                @Bindable(defaultValue = "0.005") double expectedDifference,
                                @Bindable(defaultValue = "0.05") double alpha,
                                @Bindable(defaultValue = "100") long minUsers,
                                @Bindable(defaultValue = "1000000") long maxUsers,
                                @Bindable(defaultValue = "1s") Duration refreshInterval,
                                @Bindable(defaultValue = "1d") Duration attributionWindow,
                                @Bindable(defaultValue = "10") int attributionCutOff,
                                @Bindable(defaultValue = "2d") Duration servedListTtl,
                                @Bindable(defaultValue = "true") boolean attribute,
                                @Bindable(defaultValue = "1.2") double p99LatencyRatio,
                                @Bindable(defaultValue = "0.01") double fallbackShareMargin) {

    ExperimentsConfiguration {
        PrimaryMetric.fromWireName("tandem.experiments.metric", metric);
        if (!(expectedDifference > 0) || Double.isInfinite(expectedDifference)) {
            throw new InvalidFieldException("tandem.experiments.expected-difference",
                    "must be a finite number above 0");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidFieldException("tandem.experiments.alpha", "must lie strictly between 0 and 1");
        }
        if (minUsers < 2) {
            throw new InvalidFieldException("tandem.experiments.min-users", "must be 2 or more");
        }
        if (maxUsers < minUsers) {
            throw new InvalidFieldException("tandem.experiments.max-users",
                    "must be at least min-users (" + minUsers + ")");
        }
        if (refreshInterval.isNegative()) {
            throw new InvalidFieldException("tandem.experiments.refresh-interval", "must not be negative");
        }
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new InvalidFieldException("tandem.experiments.attribution-window", "must be positive");
        }
        if (attributionCutOff < 1) {
            throw new InvalidFieldException("tandem.experiments.attribution-cut-off", "must be 1 or more");
        }
        if (!(p99LatencyRatio >= 1) || Double.isInfinite(p99LatencyRatio)) {
            throw new InvalidFieldException("tandem.experiments.p99-latency-ratio",
                    "must be a finite number, 1 or more");
        }
        if (!(fallbackShareMargin >= 0 && fallbackShareMargin < 1)) {
            throw new InvalidFieldException("tandem.experiments.fallback-share-margin", "must be 0 or more, below 1");
        }
        if (servedListTtl.compareTo(attributionWindow) <= 0) {
            throw new InvalidFieldException("tandem.experiments.served-list-ttl",
                    "must be longer than the attribution window (" + attributionWindow + ")");
        }
    }

    /** How follow-up events are attributed to the lists they quote. */
    AttributionPolicy attributionPolicy() {
        return new AttributionPolicy(attributionCutOff, attributionWindow);
    }

    /** The read-out's policy, with the configured guardrails and the domain's sample-ratio threshold. */
    ReadoutPolicy readoutPolicy() {
        return new ReadoutPolicy(PrimaryMetric.fromWireName("tandem.experiments.metric", metric),
                MixtureSprt.forEffect(alpha, expectedDifference), minUsers, maxUsers,
                new GuardrailLimits(p99LatencyRatio, fallbackShareMargin),
                SampleRatio.DEFAULT_THRESHOLD);
    }
}
