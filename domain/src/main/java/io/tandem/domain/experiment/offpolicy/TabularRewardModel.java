package io.tandem.domain.experiment.offpolicy;

import io.tandem.domain.InvalidFieldException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mean logged reward of each action at each position, shrunk towards the position's mean by a prior worth
 * {@code priorWeight} records, so that rarely logged actions do not predict 0 or 1. It ignores the context: a
 * baseline reward model for the doubly robust estimator, good where the reward depends mostly on item and place.
 */
public final class TabularRewardModel implements RewardModel {

    private final Map<Long, Double> cells;
    private final Map<Integer, Double> positionMeans;
    private final double overallMean;

    private TabularRewardModel(Map<Long, Double> cells, Map<Integer, Double> positionMeans, double overallMean) {
        this.cells = cells;
        this.positionMeans = positionMeans;
        this.overallMean = overallMean;
    }

    /** Fits the table to {@code log}, which must not be empty. */
    public static TabularRewardModel fit(List<LoggedDecision> log, double priorWeight) {
        Objects.requireNonNull(log, "log");
        if (log.isEmpty()) {
            throw new InvalidFieldException("log", "a reward model needs logged decisions");
        }
        if (!(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
            throw new InvalidFieldException("priorWeight", "must be a finite number, 0 or more");
        }
        Map<Integer, double[]> positions = new HashMap<>();
        Map<Long, double[]> actions = new HashMap<>();
        double total = 0;
        for (LoggedDecision decision : log) {
            accumulate(positions.computeIfAbsent(decision.position(), p -> new double[2]), decision.reward());
            accumulate(actions.computeIfAbsent(key(decision.position(), decision.action()), k -> new double[2]),
                    decision.reward());
            total += decision.reward();
        }
        Map<Integer, Double> positionMeans = new HashMap<>();
        positions.forEach((position, sums) -> positionMeans.put(position, sums[0] / sums[1]));
        Map<Long, Double> cells = new HashMap<>();
        actions.forEach((key, sums) -> {
            double prior = positionMeans.get((int) (key >> 32));
            cells.put(key, (sums[0] + priorWeight * prior) / (sums[1] + priorWeight));
        });
        return new TabularRewardModel(cells, positionMeans, total / log.size());
    }

    @Override
    public double expectedReward(String context, int position, int action) {
        Double cell = cells.get(key(position, action));
        if (cell != null) {
            return cell;
        }
        return positionMeans.getOrDefault(position, overallMean);
    }

    private static void accumulate(double[] sums, double reward) {
        sums[0] += reward;
        sums[1] += 1;
    }

    private static long key(int position, int action) {
        return ((long) position << 32) | (action & 0xffffffffL);
    }
}
