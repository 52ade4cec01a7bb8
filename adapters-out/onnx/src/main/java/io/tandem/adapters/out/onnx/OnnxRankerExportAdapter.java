package io.tandem.adapters.out.onnx;

import ai.onnx.proto.OnnxMl;
import io.tandem.application.training.port.out.ExportRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TreeEnsemble;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

import java.util.HashMap;
import java.util.Map;

/**
 * Exports a {@link TreeEnsemble} as an ONNX model: input {@code features} float [N, F], one
 * {@code ai.onnx.ml} TreeEnsembleRegressor node, output {@code scores} float [N, 1].
 */
public final class OnnxRankerExportAdapter implements ExportRankerPort {

    static final String INPUT = "features";
    static final String OUTPUT = "scores";
    static final String SCHEMA_VERSION_KEY = "tandem.schema.version";
    static final String SCHEMA_FEATURES_KEY = "tandem.schema.features";
    /** IR version 8 (ONNX 1.10) is old enough for every ONNX Runtime since 1.10 and new enough for opset 3. */
    private static final long IR_VERSION = 8;

    @Override
    public byte[] export(TreeEnsemble ensemble, FeatureSchema schema) {
        if (ensemble.featureCount() != schema.size()) {
            throw new InvalidFieldException("schema.features", "names " + schema.size()
                    + " features, the ensemble uses " + ensemble.featureCount());
        }
        ONNXContext context = new ONNXContext();
        context.setName("tandem-ranker");
        ONNXPlaceholder features = context.floatInput(INPUT, schema.size());
        // Tribuo suffixes operation outputs to keep names unique, so an Identity node carries the fixed name.
        features.apply(TreeEnsembleRegressorOperator.INSTANCE, regressorAttributes(ensemble))
                .assignTo(context.floatOutput(OUTPUT, 1));
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("tandem")
                .setDomain("io.tandem")
                .setModelVersion(1)
                .setDocString("LambdaMART ranker: one score per row, higher ranks first")
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .addOpsetImport(TreeEnsembleRegressorOperator.INSTANCE.opsetProto())
                .addMetadataProps(property(SCHEMA_VERSION_KEY, schema.version()))
                .addMetadataProps(property(SCHEMA_FEATURES_KEY, String.join(",", schema.features())))
                .setGraph(context.buildGraph())
                .build()
                .toByteArray();
    }

    private static OnnxMl.StringStringEntryProto property(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /**
     * Splits become BRANCH_LT nodes whose true branch is the left child, which is exactly the ensemble's
     * {@code x < threshold} rule; thresholds and leaf values stay float32, as the ensemble stores them, so no
     * rounding moves a row to the other side of a split.
     */
    private static Map<String, Object> regressorAttributes(TreeEnsemble ensemble) {
        int nodes = 0;
        int leaves = 0;
        for (TreeEnsemble.Tree tree : ensemble.trees()) {
            nodes += tree.size();
            for (int node = 0; node < tree.size(); node++) {
                leaves += tree.isLeaf(node) ? 1 : 0;
            }
        }
        int[] treeIds = new int[nodes];
        int[] nodeIds = new int[nodes];
        int[] featureIds = new int[nodes];
        float[] values = new float[nodes];
        String[] modes = new String[nodes];
        int[] trueIds = new int[nodes];
        int[] falseIds = new int[nodes];
        int[] missingTracksTrue = new int[nodes];
        int[] targetTreeIds = new int[leaves];
        int[] targetNodeIds = new int[leaves];
        int[] targetIds = new int[leaves];
        float[] targetWeights = new float[leaves];

        int n = 0;
        int leaf = 0;
        for (int t = 0; t < ensemble.trees().size(); t++) {
            TreeEnsemble.Tree tree = ensemble.trees().get(t);
            for (int node = 0; node < tree.size(); node++, n++) {
                treeIds[n] = t;
                nodeIds[n] = node;
                if (tree.isLeaf(node)) {
                    modes[n] = "LEAF";
                    targetTreeIds[leaf] = t;
                    targetNodeIds[leaf] = node;
                    targetWeights[leaf] = tree.value()[node];
                    leaf++;
                } else {
                    modes[n] = "BRANCH_LT";
                    featureIds[n] = tree.feature()[node];
                    values[n] = tree.threshold()[node];
                    trueIds[n] = tree.left()[node];
                    falseIds[n] = tree.right()[node];
                    missingTracksTrue[n] = tree.defaultLeft()[node] ? 1 : 0;
                }
            }
        }

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("aggregate_function", "SUM");
        attributes.put("post_transform", "NONE");
        attributes.put("n_targets", 1);
        attributes.put("base_values", new float[] {(float) ensemble.baseScore()});
        attributes.put("nodes_treeids", treeIds);
        attributes.put("nodes_nodeids", nodeIds);
        attributes.put("nodes_featureids", featureIds);
        attributes.put("nodes_values", values);
        attributes.put("nodes_modes", modes);
        attributes.put("nodes_truenodeids", trueIds);
        attributes.put("nodes_falsenodeids", falseIds);
        attributes.put("nodes_missing_value_tracks_true", missingTracksTrue);
        attributes.put("target_treeids", targetTreeIds);
        attributes.put("target_nodeids", targetNodeIds);
        attributes.put("target_ids", targetIds);
        attributes.put("target_weights", targetWeights);
        return attributes;
    }
}
