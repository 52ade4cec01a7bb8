package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.domain.InvalidFieldException;
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
 * how often an instance re-reads the running experiments. The store is an {@link AdapterChoice}.
 */
@ConfigurationProperties("tandem.experiments")
record ExperimentsConfiguration(@Bindable(defaultValue = "click-through-rate") String metric,
                                @Bindable(defaultValue = "0.005") double expectedDifference,
                                @Bindable(defaultValue = "0.05") double alpha,
                                @Bindable(defaultValue = "100") long minUsers,
                                @Bindable(defaultValue = "1000000") long maxUsers,
                                @Bindable(defaultValue = "1s") Duration refreshInterval) {

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
    }

    /** The read-out's policy, with the domain's default guardrails and sample-ratio threshold. */
    ReadoutPolicy readoutPolicy() {
        return new ReadoutPolicy(PrimaryMetric.fromWireName("tandem.experiments.metric", metric),
                MixtureSprt.forEffect(alpha, expectedDifference), minUsers, maxUsers, GuardrailLimits.DEFAULT,
                SampleRatio.DEFAULT_THRESHOLD);
    }
}
