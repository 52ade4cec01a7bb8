/**
 * ONNX for rankers: export of the neutral tree ensemble as an {@code ai.onnx.ml} TreeEnsembleRegressor (built
 * with tribuo-util-onnx) and batch scoring of such artifacts with ONNX Runtime, loaded through DJL, fully
 * offline.
 */
package io.tandem.adapters.out.onnx;
