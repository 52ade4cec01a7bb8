package io.tandem.adapters.out.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code ai.onnx.ml} TreeEnsembleRegressor (opset 3) as a tribuo-util-onnx operator, which Tribuo does not
 * ship. Only the attributes Tandem writes are declared; Tribuo refuses any other, so a typo fails at export.
 */
enum TreeEnsembleRegressorOperator implements ONNXOperator {
    INSTANCE;

    static final String DOMAIN = "ai.onnx.ml";
    /** Opset 3 is the last one with TreeEnsembleRegressor (opset 5 replaces it) and ONNX Runtime 1.21 runs it. */
    static final int VERSION = 3;

    private static final Map<String, ONNXAttribute> ATTRIBUTES = attributes(
            new ONNXAttribute("aggregate_function", AttributeType.STRING, true),
            new ONNXAttribute("base_values", AttributeType.FLOATS, true),
            new ONNXAttribute("n_targets", AttributeType.INT, true),
            new ONNXAttribute("nodes_falsenodeids", AttributeType.INTS, true),
            new ONNXAttribute("nodes_featureids", AttributeType.INTS, true),
            new ONNXAttribute("nodes_missing_value_tracks_true", AttributeType.INTS, true),
            new ONNXAttribute("nodes_modes", AttributeType.STRINGS, true),
            new ONNXAttribute("nodes_nodeids", AttributeType.INTS, true),
            new ONNXAttribute("nodes_treeids", AttributeType.INTS, true),
            new ONNXAttribute("nodes_truenodeids", AttributeType.INTS, true),
            new ONNXAttribute("nodes_values", AttributeType.FLOATS, true),
            new ONNXAttribute("post_transform", AttributeType.STRING, true),
            new ONNXAttribute("target_ids", AttributeType.INTS, true),
            new ONNXAttribute("target_nodeids", AttributeType.INTS, true),
            new ONNXAttribute("target_treeids", AttributeType.INTS, true),
            new ONNXAttribute("target_weights", AttributeType.FLOATS, true));

    private static Map<String, ONNXAttribute> attributes(ONNXAttribute... attributes) {
        Map<String, ONNXAttribute> byName = new TreeMap<>();
        for (ONNXAttribute attribute : attributes) {
            byName.put(attribute.getName(), attribute);
        }
        return Map.copyOf(byName);
    }

    @Override
    public String getOpName() {
        return "TreeEnsembleRegressor";
    }

    @Override
    public int getNumInputs() {
        return 1;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return ATTRIBUTES;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return ATTRIBUTES.keySet();
    }

    @Override
    public int getOpVersion() {
        return VERSION;
    }

    @Override
    public String getOpDomain() {
        return DOMAIN;
    }
}
