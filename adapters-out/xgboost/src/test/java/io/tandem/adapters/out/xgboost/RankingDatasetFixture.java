package io.tandem.adapters.out.xgboost;

import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.domain.model.FeatureSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Builds learning-to-rank data with a known signal: relevance grows with feature 0 and feature 2, falls with
 * feature 1, has an interaction between features 3 and 4, and noise; a share of features 0 and 3 is missing
 * (NaN) so trees learn default directions. Shared with the ONNX module's parity tests through the test jar.
 */
public final class RankingDatasetFixture {

    private int groups = 200;
    private int groupSize = 20;
    private int features = 6;
    private double missingShare = 0.05;
    private double noise = 0.3;
    private long seed = 7L;

    public static RankingDatasetFixture aRankingDataset() {
        return new RankingDatasetFixture();
    }

    public RankingDatasetFixture groups(int groups) {
        this.groups = groups;
        return this;
    }

    public RankingDatasetFixture groupSize(int groupSize) {
        this.groupSize = groupSize;
        return this;
    }

    /** At least five, the features the signal uses; the rest are pure noise columns. */
    public RankingDatasetFixture features(int features) {
        if (features < 5) {
            throw new IllegalArgumentException("the signal needs at least 5 features");
        }
        this.features = features;
        return this;
    }

    public RankingDatasetFixture missingShare(double missingShare) {
        this.missingShare = missingShare;
        return this;
    }

    public RankingDatasetFixture noise(double noise) {
        this.noise = noise;
        return this;
    }

    public RankingDatasetFixture seed(long seed) {
        this.seed = seed;
        return this;
    }

    public static FeatureSchema schema(int features) {
        List<String> names = new ArrayList<>(features);
        for (int f = 0; f < features; f++) {
            names.add(String.format("f%02d", f));
        }
        return new FeatureSchema("test-v1", names);
    }

    public RankingDataset build() {
        Random random = new Random(seed);
        int rows = groups * groupSize;
        float[] values = new float[rows * features];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * features;
            for (int f = 0; f < features; f++) {
                values[base + f] = (float) random.nextGaussian();
            }
            double relevance = 1.2 * values[base] - 0.8 * values[base + 1] + 0.6 * values[base + 2]
                    + 0.7 * values[base + 3] * values[base + 4] + noise * random.nextGaussian();
            labels[r] = relevance > 2.0 ? 3 : relevance > 1.0 ? 2 : relevance > 0.2 ? 1 : 0;
            if (random.nextDouble() < missingShare) {
                values[base] = Float.NaN;
            }
            if (random.nextDouble() < missingShare) {
                values[base + 3] = Float.NaN;
            }
        }
        int[] groupSizes = new int[groups];
        Arrays.fill(groupSizes, groupSize);
        return new RankingDataset(schema(features), values, labels, groupSizes);
    }

    /** A dataset with the same schema and no rows: train the configured rounds without early stopping. */
    public static RankingDataset empty(int features) {
        return new RankingDataset(schema(features), new float[0], new float[0], new int[0]);
    }
}
