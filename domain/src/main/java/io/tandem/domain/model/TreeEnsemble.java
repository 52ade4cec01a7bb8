package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A gradient-boosted tree ensemble in a neutral form (no library types), so a ranker trained by one library
 * can be exported to ONNX by another and scored anywhere. A row's score is {@code baseScore} plus the leaf
 * value reached in every tree; at a split the row goes left when {@code feature < threshold}, and a missing
 * feature (NaN) follows the node's default direction.
 */
public record TreeEnsemble(int featureCount, double baseScore, List<Tree> trees) {

    public TreeEnsemble {
        if (featureCount < 1) {
            throw new InvalidFieldException("featureCount", "must be 1 or more");
        }
        trees = List.copyOf(Objects.requireNonNull(trees, "trees"));
        for (Tree tree : trees) {
            for (int node = 0; node < tree.size(); node++) {
                if (!tree.isLeaf(node) && (tree.feature()[node] < 0 || tree.feature()[node] >= featureCount)) {
                    throw new InvalidFieldException("trees", "a split uses feature " + tree.feature()[node]
                            + " outside 0.." + (featureCount - 1));
                }
            }
        }
    }

    /**
     * The ensemble whose score is the mean of {@code members}' scores (bagging): every member's trees with their
     * leaf values divided by the member count, after the mean base score. Scoring it costs the sum of the members'
     * trees, and adapters that score any ensemble score it unchanged.
     */
    public static TreeEnsemble average(List<TreeEnsemble> members) {
        if (members.isEmpty()) {
            throw new InvalidFieldException("members", "at least one ensemble is needed");
        }
        int features = members.get(0).featureCount();
        if (members.size() == 1) {
            return members.get(0);
        }
        float share = 1f / members.size();
        double base = 0;
        List<Tree> trees = new ArrayList<>();
        for (TreeEnsemble member : members) {
            if (member.featureCount() != features) {
                throw new InvalidFieldException("members", "mix " + features + " and " + member.featureCount()
                        + " features");
            }
            base += member.baseScore();
            for (Tree tree : member.trees()) {
                float[] value = tree.value().clone();
                for (int node = 0; node < value.length; node++) {
                    value[node] *= share;
                }
                trees.add(new Tree(tree.feature(), tree.threshold(), tree.left(), tree.right(), tree.defaultLeft(),
                        value));
            }
        }
        return new TreeEnsemble(features, base / members.size(), trees);
    }

    /** The reference score of one row; adapters must agree with it. */
    public double score(float[] row) {
        if (row.length != featureCount) {
            throw new InvalidFieldException("row", "has " + row.length + " features, the ensemble " + featureCount);
        }
        double score = baseScore;
        for (Tree tree : trees) {
            score += tree.leafValueFor(row);
        }
        return score;
    }

    /**
     * The reference scores of {@code rows} row-major feature vectors, each rounded to single precision as a
     * ranker artifact's scores are: what a two-stage system ranking with these trees in memory, or a test
     * standing in for an artifact, must agree with.
     */
    public float[] scores(float[] features, int rows) {
        if (rows < 0 || features.length != rows * featureCount) {
            throw new InvalidFieldException("features", "has " + features.length + " values, " + rows + " rows of "
                    + featureCount + " need " + (long) rows * featureCount);
        }
        float[] scores = new float[rows];
        float[] row = new float[featureCount];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(features, r * featureCount, row, 0, featureCount);
            scores[r] = (float) score(row);
        }
        return scores;
    }

    /**
     * One tree as parallel arrays indexed by node id (node 0 is the root). For a leaf, {@code left} and
     * {@code right} are -1 and {@code value} holds its output; for a split, {@code value} is unused.
     */
    public record Tree(int[] feature, float[] threshold, int[] left, int[] right, boolean[] defaultLeft,
                       float[] value) {

        public Tree {
            int n = feature.length;
            if (n == 0 || threshold.length != n || left.length != n || right.length != n || defaultLeft.length != n
                    || value.length != n) {
                throw new InvalidFieldException("tree", "needs at least one node and arrays of equal length");
            }
            for (int node = 0; node < n; node++) {
                boolean leaf = left[node] < 0;
                if (leaf != right[node] < 0 || (!leaf && (left[node] >= n || right[node] >= n
                        || left[node] <= node || right[node] <= node))) {
                    throw new InvalidFieldException("tree", "node " + node + " has invalid children");
                }
            }
        }

        public int size() {
            return feature.length;
        }

        public boolean isLeaf(int node) {
            return left[node] < 0;
        }

        float leafValueFor(float[] row) {
            int node = 0;
            while (!isLeaf(node)) {
                float x = row[feature[node]];
                boolean goLeft = Float.isNaN(x) ? defaultLeft[node] : x < threshold[node];
                node = goLeft ? left[node] : right[node];
            }
            return value[node];
        }
    }
}
