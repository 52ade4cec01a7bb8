package io.tandem.adapters.out.onnx;

import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TreeEnsemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Tree ensembles with known shapes: full random trees for timing, and a tiny hand-made one with known scores. */
final class TreeEnsembleFixture {

    private TreeEnsembleFixture() {
    }

    static FeatureSchema schema(int features) {
        List<String> names = new ArrayList<>(features);
        for (int f = 0; f < features; f++) {
            names.add(String.format("f%02d", f));
        }
        return new FeatureSchema("fixture-v1", names);
    }

    /** {@code trees} complete binary trees of {@code depth} splits on random features and thresholds. */
    static TreeEnsemble fullTrees(int trees, int depth, int features, long seed) {
        Random random = new Random(seed);
        int nodes = (1 << (depth + 1)) - 1;
        List<TreeEnsemble.Tree> list = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            int[] feature = new int[nodes];
            float[] threshold = new float[nodes];
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            boolean[] defaultLeft = new boolean[nodes];
            float[] value = new float[nodes];
            for (int node = 0; node < nodes; node++) {
                if (2 * node + 1 < nodes) {
                    feature[node] = random.nextInt(features);
                    threshold[node] = (float) random.nextGaussian();
                    left[node] = 2 * node + 1;
                    right[node] = 2 * node + 2;
                    defaultLeft[node] = random.nextBoolean();
                } else {
                    left[node] = -1;
                    right[node] = -1;
                    value[node] = (float) (0.05 * random.nextGaussian());
                }
            }
            list.add(new TreeEnsemble.Tree(feature, threshold, left, right, defaultLeft, value));
        }
        return new TreeEnsemble(features, 0.5, list);
    }

    /**
     * Two features, base 0.25. Tree 0 splits on feature 0 at 1.0 (missing goes right): leaves 1.0 / 2.0.
     * Tree 1 is a single leaf (0.5), so one-node trees are covered. Tree 2 splits on feature 1 at -0.5
     * (missing goes left), then on feature 0 at 3.0 (missing goes right): leaves 10 / 20 / 40.
     */
    static TreeEnsemble handMade() {
        TreeEnsemble.Tree first = new TreeEnsemble.Tree(new int[] {0, 0, 0}, new float[] {1.0f, 0, 0},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new boolean[] {false, false, false},
                new float[] {0, 1.0f, 2.0f});
        TreeEnsemble.Tree leafOnly = new TreeEnsemble.Tree(new int[] {0}, new float[] {0}, new int[] {-1},
                new int[] {-1}, new boolean[] {false}, new float[] {0.5f});
        TreeEnsemble.Tree third = new TreeEnsemble.Tree(new int[] {1, 0, 0, 0, 0},
                new float[] {-0.5f, 3.0f, 0, 0, 0}, new int[] {1, 3, -1, -1, -1}, new int[] {2, 4, -1, -1, -1},
                new boolean[] {true, false, false, false, false}, new float[] {0, 0, 40f, 10f, 20f});
        return new TreeEnsemble(2, 0.25, List.of(first, leafOnly, third));
    }
}
