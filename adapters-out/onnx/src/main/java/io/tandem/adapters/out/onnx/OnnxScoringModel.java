package io.tandem.adapters.out.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.ranking.ScoringModel;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** One loaded ranker: scores a whole batch in one ONNX Runtime call; safe for concurrent callers. */
final class OnnxScoringModel implements ScoringModel {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final int featureCount;
    private final AtomicBoolean closed = new AtomicBoolean();

    OnnxScoringModel(OrtEnvironment environment, OrtSession session, OrtSession.SessionOptions options,
                     int featureCount) {
        this.environment = environment;
        this.session = session;
        this.options = options;
        this.featureCount = featureCount;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public float[] score(float[] features, int rows) {
        if (rows < 0 || features.length != (long) rows * featureCount) {
            throw new InvalidFieldException("features", "must hold " + rows + " rows of " + featureCount
                    + " values, found " + features.length + " values");
        }
        if (closed.get()) {
            throw new IllegalStateException("the scoring model is closed");
        }
        if (rows == 0) {
            return new float[0];
        }
        OnnxScratch scratch = OnnxScratch.current();
        FloatBuffer scored = scratch.output(rows);
        // Both tensors wrap the thread's direct buffers: ONNX Runtime reads the rows and writes the scores in place.
        try (OnnxTensor input = OnnxTensor.createTensor(environment, scratch.input(features),
                new long[] {rows, featureCount});
             OnnxTensor output = OnnxTensor.createTensor(environment, scored, new long[] {rows, 1});
             OrtSession.Result result = session.run(Map.of(OnnxRankerExportAdapter.INPUT, input),
                     Map.of(OnnxRankerExportAdapter.OUTPUT, output))) {
            float[] scores = new float[rows];
            scored.get(0, scores);
            return scores;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to score " + rows + " rows: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            DjlOnnxScoringAdapter.closeQuietly(session);
            options.close();
        }
    }
}
