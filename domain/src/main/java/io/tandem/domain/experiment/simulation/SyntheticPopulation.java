package io.tandem.domain.experiment.simulation;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Users and items with known tastes: each has a random vector, a user's affinity to an item is their dot
 * product (standard deviation 1), and an examined item is clicked with a logistic function of the affinity.
 * The good policy lists each user's items by true affinity; the weak one by affinity plus fixed noise.
 */
public final class SyntheticPopulation {

    private final SimulationParameters parameters;
    private final float[] attraction;
    private final double[] examination;
    private final List<List<ItemId>> goodLists = new ArrayList<>();
    private final List<List<ItemId>> weakLists = new ArrayList<>();
    private final List<int[]> goodIndexes = new ArrayList<>();
    private final List<int[]> weakIndexes = new ArrayList<>();
    private final List<UserId> userIds = new ArrayList<>();
    private final List<ItemId> itemIds = new ArrayList<>();

    private SyntheticPopulation(SimulationParameters parameters) {
        this.parameters = parameters;
        this.attraction = new float[parameters.users() * parameters.items()];
        this.examination = new double[parameters.listLength()];
        for (int place = 0; place < examination.length; place++) {
            examination[place] = Math.pow(place + 1, -parameters.positionBias());
        }
    }

    /** A population drawn from {@code random}. */
    public static SyntheticPopulation generate(SimulationParameters parameters, RandomGenerator random) {
        SyntheticPopulation population = new SyntheticPopulation(parameters);
        population.draw(random);
        return population;
    }

    private void draw(RandomGenerator random) {
        int users = parameters.users();
        int items = parameters.items();
        int dimensions = parameters.dimensions();
        // Components with variance 1/sqrt(d) give dot products with variance 1.
        double componentSd = Math.pow(dimensions, -0.25);
        double[][] itemVectors = new double[items][dimensions];
        for (int item = 0; item < items; item++) {
            for (int k = 0; k < dimensions; k++) {
                itemVectors[item][k] = random.nextGaussian() * componentSd;
            }
            itemIds.add(ItemId.of("item-" + item));
        }
        double[] affinity = new double[items];
        double[] noisy = new double[items];
        for (int user = 0; user < users; user++) {
            double[] taste = new double[dimensions];
            for (int k = 0; k < dimensions; k++) {
                taste[k] = random.nextGaussian() * componentSd;
            }
            for (int item = 0; item < items; item++) {
                double dot = 0;
                for (int k = 0; k < dimensions; k++) {
                    dot += taste[k] * itemVectors[item][k];
                }
                affinity[item] = dot;
                noisy[item] = dot + parameters.weakening() * random.nextGaussian();
                double logit = parameters.attractionScale() * dot + parameters.attractionBias();
                attraction[user * items + item] = (float) (1 / (1 + Math.exp(-logit)));
            }
            userIds.add(UserId.of("user-" + user));
            goodIndexes.add(top(affinity, parameters.listLength()));
            weakIndexes.add(top(noisy, parameters.listLength()));
            goodLists.add(asItems(goodIndexes.get(user)));
            weakLists.add(asItems(weakIndexes.get(user)));
        }
    }

    public int users() {
        return parameters.users();
    }

    public UserId user(int user) {
        return userIds.get(user);
    }

    /** The list the good or the weak policy serves {@code user}, best first. */
    public List<ItemId> list(int user, boolean good) {
        return good ? goodLists.get(user) : weakLists.get(user);
    }

    /** Whether {@code user} clicks {@code item} shown at 1-based {@code position}: examined, then attracted. */
    public boolean clicks(int user, ItemId item, int position, RandomGenerator random) {
        double probability = examination[position - 1] * attraction[user * parameters.items() + index(item)];
        return random.nextDouble() < probability;
    }

    /** The expected click-through rate per impression of a policy, over users drawn uniformly. */
    public double expectedClickThroughRate(boolean good) {
        double sum = 0;
        for (int user = 0; user < parameters.users(); user++) {
            int[] list = good ? goodIndexes.get(user) : weakIndexes.get(user);
            for (int place = 0; place < list.length; place++) {
                sum += examination[place] * attraction[user * parameters.items() + list[place]];
            }
        }
        return sum / ((double) parameters.users() * parameters.listLength());
    }

    private int index(ItemId item) {
        return Integer.parseInt(item.value().substring("item-".length()));
    }

    private List<ItemId> asItems(int[] indexes) {
        List<ItemId> items = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            items.add(itemIds.get(index));
        }
        return List.copyOf(items);
    }

    /** The indexes of the {@code count} highest scores, highest first. */
    private static int[] top(double[] scores, int count) {
        int[] best = new int[count];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            if (size == count && scores[item] <= scores[best[size - 1]]) {
                continue;
            }
            int at = size < count ? size++ : count - 1;
            while (at > 0 && scores[best[at - 1]] < scores[item]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = item;
        }
        return best;
    }
}
