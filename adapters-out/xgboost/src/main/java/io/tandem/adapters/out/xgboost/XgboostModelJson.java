package io.tandem.adapters.out.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.domain.model.TreeEnsemble;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads XGBoost's JSON model format (the one {@code Booster.toByteArray("json")} writes) into a
 * {@link TreeEnsemble}. XGBoost stores a leaf's output in {@code split_conditions}, decides
 * {@code x < split_condition} in float32 and keeps pruned nodes in its arrays, so trees are rebuilt from the
 * root by walking only reachable nodes.
 */
final class XgboostModelJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private XgboostModelJson() {
    }

    /**
     * @param rounds how many boosting rounds to keep (early stopping leaves rounds after the best one in the
     *               booster); at most the number of rounds the model holds
     */
    static TreeEnsemble toEnsemble(byte[] modelJson, int featureCount, int rounds) {
        JsonNode learner;
        try {
            learner = JSON.readTree(modelJson).path("learner");
        } catch (IOException e) {
            throw new IllegalStateException("XGBoost wrote a model that is not JSON", e);
        }
        JsonNode booster = learner.path("gradient_booster");
        String boosterName = booster.path("name").asText();
        if (!"gbtree".equals(boosterName)) {
            throw new IllegalStateException("only gbtree models convert to a tree ensemble, not '" + boosterName + "'");
        }
        JsonNode model = booster.path("model");
        JsonNode trees = model.path("trees");
        int treeCount = treesInFirstRounds(model.path("iteration_indptr"), trees.size(), rounds);
        List<TreeEnsemble.Tree> converted = new ArrayList<>(treeCount);
        for (int t = 0; t < treeCount; t++) {
            converted.add(toTree(trees.get(t)));
        }
        return new TreeEnsemble(featureCount, baseScore(learner.path("learner_model_param").path("base_score")),
                converted);
    }

    private static int treesInFirstRounds(JsonNode iterationIndptr, int treeCount, int rounds) {
        if (iterationIndptr.isArray() && iterationIndptr.size() > 1) {
            // iteration_indptr[i] is the first tree of round i; one tree per round for a single-target ranker.
            return iterationIndptr.get(Math.min(rounds, iterationIndptr.size() - 1)).asInt();
        }
        return Math.min(rounds, treeCount);
    }

    /** Older writers store {@code "5E-1"}, newer ones a one-element vector {@code "[5E-1]"}. */
    private static double baseScore(JsonNode node) {
        String text = node.asText().strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.isEmpty() || text.contains(",")) {
            throw new IllegalStateException("expected one base_score, found '" + node.asText() + "'");
        }
        return Float.parseFloat(text);
    }

    private static TreeEnsemble.Tree toTree(JsonNode tree) {
        int[] leftChildren = ints(tree.path("left_children"));
        int[] rightChildren = ints(tree.path("right_children"));
        int[] splitIndices = ints(tree.path("split_indices"));
        float[] splitConditions = floats(tree.path("split_conditions"));
        JsonNode defaultLeft = tree.path("default_left");
        JsonNode splitType = tree.path("split_type");
        int stored = leftChildren.length;

        // Pre-order numbering of the reachable nodes gives every child a larger id than its parent.
        int[] order = new int[stored];
        int[] stack = new int[stored];
        int reachable = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            order[reachable++] = node;
            if (leftChildren[node] >= 0) {
                stack[top++] = rightChildren[node];
                stack[top++] = leftChildren[node];
            }
        }
        int[] newId = new int[stored];
        for (int i = 0; i < reachable; i++) {
            newId[order[i]] = i;
        }

        int[] feature = new int[reachable];
        float[] threshold = new float[reachable];
        int[] left = new int[reachable];
        int[] right = new int[reachable];
        boolean[] goesLeftWhenMissing = new boolean[reachable];
        float[] value = new float[reachable];
        for (int i = 0; i < reachable; i++) {
            int node = order[i];
            if (leftChildren[node] < 0) {
                left[i] = -1;
                right[i] = -1;
                value[i] = splitConditions[node];
            } else {
                if (splitType.isArray() && splitType.get(node).asInt() != 0) {
                    throw new IllegalStateException("categorical splits have no tree-ensemble form");
                }
                feature[i] = splitIndices[node];
                threshold[i] = splitConditions[node];
                left[i] = newId[leftChildren[node]];
                right[i] = newId[rightChildren[node]];
                goesLeftWhenMissing[i] = flag(defaultLeft.get(node));
            }
        }
        return new TreeEnsemble.Tree(feature, threshold, left, right, goesLeftWhenMissing, value);
    }

    private static boolean flag(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : node.asInt() != 0;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    /** XGBoost writes float32 values with enough digits to round-trip, so narrowing the parsed double is exact. */
    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).doubleValue();
        }
        return values;
    }
}
