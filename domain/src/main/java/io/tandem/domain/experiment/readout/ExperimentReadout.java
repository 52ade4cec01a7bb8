package io.tandem.domain.experiment.readout;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.SampleRatio;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a champion-against-challenger experiment at one look, in this order: a sample-ratio mismatch stops it
 * (its metrics cannot be trusted); too few users keep it running without taking a look (a p99 of a few dozen
 * answers is their maximum); a broken guardrail stops it; then the always-valid test ships or stops it, and
 * reaching the user horizon without a difference stops it. A ship always means the challenger won at the test's
 * α with every guardrail kept.
 */
public final class ExperimentReadout {

    private static final double GUARDRAIL_CONFIDENCE = 0.95;

    private ExperimentReadout() {
    }

    /**
     * @param totals   the whole-experiment metrics by group ({@code OnlineMetricsAggregate.totals})
     * @param previous the sequential test as the previous look left it ({@code SequentialTest.start} at first)
     */
    public static Readout read(Experiment experiment, Map<String, OnlineMetrics> totals, String champion,
                               String challenger, SequentialTest previous, ReadoutPolicy policy) {
        Objects.requireNonNull(previous, "previous");
        OnlineMetrics championMetrics = group(totals, champion);
        OnlineMetrics challengerMetrics = group(totals, challenger);
        SampleRatio sampleRatio = sampleRatio(experiment, totals, policy.srmThreshold());
        List<String> reasons = new ArrayList<>();
        if (sampleRatio.mismatch()) {
            reasons.add(String.format("sample ratio mismatch (always-valid p = %.2g; chi-square %.2f, p = %.2g): "
                    + "assignment or logging is skewed and the metrics cannot be trusted",
                    sampleRatio.alwaysValidPValue(), sampleRatio.chiSquare(), sampleRatio.pValue()));
            return new Readout(Verdict.STOP, reasons, policy.metric(), Optional.empty(), previous, sampleRatio,
                    championMetrics, challengerMetrics);
        }
        long users = Math.min(championMetrics.users(), challengerMetrics.users());
        if (users < policy.minUsers()) {
            reasons.add(users + " users in the smaller variant, " + policy.minUsers() + " needed before a look");
            return new Readout(Verdict.KEEP_RUNNING, reasons, policy.metric(), Optional.empty(), previous,
                    sampleRatio, championMetrics, challengerMetrics);
        }
        List<String> breaches = policy.guardrails().breaches(championMetrics.guardrails(),
                challengerMetrics.guardrails(), GUARDRAIL_CONFIDENCE);
        if (!breaches.isEmpty()) {
            breaches.forEach(breach -> reasons.add("guardrail: " + breach));
            return new Readout(Verdict.STOP, reasons, policy.metric(), Optional.empty(), previous, sampleRatio,
                    championMetrics, challengerMetrics);
        }
        Estimate difference = policy.metric().of(challengerMetrics).estimate()
                .minus(policy.metric().of(championMetrics).estimate());
        SequentialTest test = previous.observe(difference);
        Verdict verdict = test.verdict();
        String evidence = String.format("%s difference %.5f, always-valid interval [%.5f, %.5f], p = %.3g after "
                + "%d looks", policy.metric().wireName(), difference.value(), test.interval().low(),
                test.interval().high(), test.pValue(), test.looks());
        if (verdict == Verdict.SHIP) {
            reasons.add("the challenger is better: " + evidence);
        } else if (verdict == Verdict.STOP) {
            reasons.add("the challenger is worse: " + evidence);
        } else if (users >= policy.maxUsers()) {
            verdict = Verdict.STOP;
            reasons.add("no difference found by " + policy.maxUsers() + " users per variant: " + evidence);
        } else {
            reasons.add("not decided yet: " + evidence);
        }
        return new Readout(verdict, reasons, policy.metric(), Optional.of(difference), test, sampleRatio,
                championMetrics, challengerMetrics);
    }

    private static OnlineMetrics group(Map<String, OnlineMetrics> totals, String name) {
        OnlineMetrics metrics = totals.get(name);
        if (metrics == null) {
            throw new InvalidFieldException("variant", "'" + name + "' has no served lists yet");
        }
        return metrics;
    }

    /** Users per group against the configured shares; a group nobody reached yet counts 0. */
    private static SampleRatio sampleRatio(Experiment experiment, Map<String, OnlineMetrics> totals,
                                           double threshold) {
        Map<String, Double> shares = experiment.expectedShares();
        Map<String, Long> users = new LinkedHashMap<>();
        shares.keySet().forEach(group -> users.put(group,
                Optional.ofNullable(totals.get(group)).map(OnlineMetrics::users).orElse(0L)));
        return SampleRatio.check(users, shares, threshold);
    }
}
