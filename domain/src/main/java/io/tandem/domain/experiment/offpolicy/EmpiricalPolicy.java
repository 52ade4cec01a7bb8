package io.tandem.domain.experiment.offpolicy;

import io.tandem.domain.InvalidFieldException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policy a log reveals: at each position, the share of records in which each action was shown. For a
 * policy that ignores the context but changes over time (a bandit updated in batches), this is its average over
 * the log's period, whose mean reward equals the period's on-policy mean when rewards do not drift.
 */
public final class EmpiricalPolicy implements TargetPolicy {

    private final Map<Integer, double[]> distributions;
    private final int actions;

    private EmpiricalPolicy(Map<Integer, double[]> distributions, int actions) {
        this.distributions = distributions;
        this.actions = actions;
    }

    /** The frequencies of {@code log}, over actions 0 to {@code actions - 1}. */
    public static EmpiricalPolicy of(List<LoggedDecision> log, int actions) {
        Objects.requireNonNull(log, "log");
        if (actions < 1) {
            throw new InvalidFieldException("actions", "must be 1 or more");
        }
        Map<Integer, double[]> counts = new HashMap<>();
        Map<Integer, Integer> totals = new HashMap<>();
        for (LoggedDecision decision : log) {
            if (decision.action() >= actions) {
                throw new InvalidFieldException("action", decision.action() + " is not below " + actions);
            }
            counts.computeIfAbsent(decision.position(), p -> new double[actions])[decision.action()]++;
            totals.merge(decision.position(), 1, Integer::sum);
        }
        counts.forEach((position, row) -> {
            for (int action = 0; action < actions; action++) {
                row[action] /= totals.get(position);
            }
        });
        return new EmpiricalPolicy(counts, actions);
    }

    /** The frequencies at {@code position}; all 0 for a position the log never held. */
    @Override
    public double[] distribution(String context, int position) {
        double[] distribution = distributions.get(position);
        return distribution == null ? new double[actions] : distribution.clone();
    }
}
