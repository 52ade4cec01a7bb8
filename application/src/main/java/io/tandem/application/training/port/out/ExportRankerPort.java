package io.tandem.application.training.port.out;

import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TreeEnsemble;

/**
 * Turns a ranker into a portable artifact (ONNX): one float input {@code features} of shape
 * {@code [rows, schema.size()]}, one float output {@code scores} of shape {@code [rows, 1]}.
 */
@FunctionalInterface
public interface ExportRankerPort {

    byte[] export(TreeEnsemble ensemble, FeatureSchema schema);
}
