package io.tandem.domain.experiment.simulation;

import io.tandem.domain.InvalidFieldException;

/**
 * The world and the tests of one simulated experiment.
 *
 * @param users                 distinct users; each request comes from one drawn uniformly, so users return
 * @param items                 catalogue size
 * @param dimensions            length of the taste vectors; a user's affinity to an item is their dot product
 * @param listLength            items served (and impressed) per request
 * @param positionBias          a user examines place p with probability {@code 1 / p^positionBias}
 * @param attractionScale       an examined item is clicked with probability
 *                              {@code sigmoid(attractionScale · affinity + attractionBias)}
 * @param attractionBias        see {@code attractionScale}; sets the base click-through rate
 * @param weakening             the weak policy ranks by affinity plus noise of this standard deviation (affinities
 *                              have standard deviation 1); 0 makes it as good as the good one
 * @param alpha                 the error rate of both sequential tests
 * @param abMixtureSd           τ of the A/B test: the click-through-rate difference it is tuned to detect
 * @param interleavingMixtureSd τ of the interleaving test: the preference (mean of +1/-1/0) it is tuned to detect
 * @param minUsers              users per variant (A/B) or in total (interleaving) before the first look
 * @param lookEvery             requests between two looks
 * @param maxRequests           requests per method after which an undecided test ends undecided
 */
public record SimulationParameters(int users, int items, int dimensions, int listLength, double positionBias,
                                   double attractionScale, double attractionBias, double weakening, double alpha,
                                   double abMixtureSd, double interleavingMixtureSd, int minUsers, int lookEvery,
                                   int maxRequests) {

    public SimulationParameters {
        positive("users", users);
        positive("dimensions", dimensions);
        positive("listLength", listLength);
        positive("lookEvery", lookEvery);
        positive("maxRequests", maxRequests);
        if (items < listLength) {
            throw new InvalidFieldException("items", "must be at least listLength");
        }
        finite("positionBias", positionBias, 0);
        finite("attractionScale", attractionScale, 0);
        finite("attractionBias", attractionBias, Double.NEGATIVE_INFINITY);
        finite("weakening", weakening, 0);
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidFieldException("alpha", "must lie strictly between 0 and 1");
        }
        if (!(abMixtureSd > 0) || !(interleavingMixtureSd > 0)) {
            throw new InvalidFieldException("mixtureSd", "must be above 0");
        }
        if (minUsers < 2) {
            throw new InvalidFieldException("minUsers", "must be 2 or more");
        }
    }

    /**
     * The full-size world of docs/benchmarks.md: 5,000 users, 500 items, lists of 10, base CTR about 9 %, the
     * weak policy about 6 % (relative) below the good one; α = 0.05, a look every 200 requests, at most 100,000
     * requests (a million impressions) per method.
     */
    public static SimulationParameters standard() {
        return new SimulationParameters(5_000, 500, 8, 10, 1.0, 1.0, -3.5, 0.3, 0.05, 0.005, 0.03, 100, 200,
                100_000);
    }

    /** The same settings with another population and horizon: for quick runs and tests. */
    public SimulationParameters resized(int newUsers, int newItems, int newMaxRequests) {
        return new SimulationParameters(newUsers, newItems, dimensions, listLength, positionBias, attractionScale,
                attractionBias, weakening, alpha, abMixtureSd, interleavingMixtureSd, minUsers, lookEvery,
                newMaxRequests);
    }

    /** The same settings with a weak policy of another strength, and the A/B test tuned to its effect. */
    public SimulationParameters weakenedBy(double newWeakening, double newAbMixtureSd,
                                           double newInterleavingMixtureSd) {
        return new SimulationParameters(users, items, dimensions, listLength, positionBias, attractionScale,
                attractionBias, newWeakening, alpha, newAbMixtureSd, newInterleavingMixtureSd, minUsers, lookEvery,
                maxRequests);
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new InvalidFieldException(field, "must be 1 or more");
        }
    }

    private static void finite(String field, double value, double minimum) {
        if (!Double.isFinite(value) || value < minimum) {
            throw new InvalidFieldException(field, "must be a finite number of at least " + minimum);
        }
    }
}
