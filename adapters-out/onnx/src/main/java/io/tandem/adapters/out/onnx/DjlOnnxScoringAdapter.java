package io.tandem.adapters.out.onnx;

import ai.djl.engine.Engine;
import ai.djl.onnxruntime.engine.OrtEngine;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.ranking.ScoringModel;

import java.util.Arrays;
import java.util.Map;

/**
 * Loads ONNX ranker artifacts into thread-safe batch scorers on ONNX Runtime, with DJL's OnnxRuntime engine
 * owning the runtime environment and nothing downloaded at run time.
 *
 * <p>Scoring calls {@code OrtSession.run} directly rather than through DJL predictors: a session is documented
 * thread-safe, so one loaded model serves every request thread without a predictor pool to size or wait on, and
 * a call makes one input copy, into the calling thread's direct buffer ({@link OnnxScratch}), instead of passing
 * through DJL's NDManager and NDArray; the scores land in place the same way. ONNX Runtime's tree kernel also
 * beat a plain Java walk of the same trees over a 500-row batch ({@code OnnxScoringLatency} in the tests times
 * all three paths).
 */
public final class DjlOnnxScoringAdapter implements LoadScoringModelPort {

    static final String ARTIFACT_FIELD = "model.artifact";

    static {
        // Set before any DJL class initialises: DJL reads these once. Offline mode stops model-zoo and engine
        // downloads; the others stop the EC2 usage ping and the search for a second (downloadable) engine.
        System.setProperty("ai.djl.offline", "true");
        setUnlessConfigured("OPT_OUT_TRACKING", "true");
        setUnlessConfigured("ai.djl.onnx.disable_alternative", "true");
    }

    private final int threadsPerBatch;
    private final OrtEnvironment environment;

    /**
     * Scores each batch on the calling thread: at serving load concurrent requests already keep the cores busy,
     * and a second thread per 500-row batch measured no faster ({@code OnnxScoringLatency}).
     */
    public DjlOnnxScoringAdapter() {
        this(1);
    }

    /** @param threadsPerBatch ONNX Runtime intra-op threads for one scoring call */
    public DjlOnnxScoringAdapter(int threadsPerBatch) {
        if (threadsPerBatch < 1) {
            throw new InvalidFieldException("scoring.threads-per-batch", "must be 1 or more");
        }
        this.threadsPerBatch = threadsPerBatch;
        // ONNX Runtime allows one environment per process and DJL's engine fails for good if something else
        // created it first, so the engine creates it and sessions here reuse that same environment.
        Engine.getEngine(OrtEngine.ENGINE_NAME);
        this.environment = OrtEnvironment.getEnvironment();
    }

    @Override
    public ScoringModel load(byte[] artifact, int featureCount) {
        if (artifact == null || artifact.length == 0) {
            throw new InvalidFieldException(ARTIFACT_FIELD, "is empty");
        }
        if (featureCount < 1) {
            throw new InvalidFieldException("featureCount", "must be 1 or more");
        }
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        try {
            options.setIntraOpNumThreads(threadsPerBatch);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            session = environment.createSession(artifact, options);
            requireRankerSignature(session, featureCount);
            OnnxScoringModel model = new OnnxScoringModel(environment, session, options, featureCount);
            session = null;
            return model;
        } catch (OrtException e) {
            // The error code only: ONNX Runtime's message carries its build's source paths and C++ signatures,
            // which mean nothing to whoever promotes a model and would reach HTTP clients in a refusal.
            throw new InvalidFieldException(ARTIFACT_FIELD, "is not a loadable ONNX model (" + e.getCode() + ")");
        } finally {
            if (session != null) {
                closeQuietly(session);
                options.close();
            }
        }
    }

    private static void requireRankerSignature(OrtSession session, int featureCount) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        NodeInfo input = inputs.get(OnnxRankerExportAdapter.INPUT);
        if (inputs.size() != 1 || input == null || !(input.getInfo() instanceof TensorInfo tensor)
                || tensor.type != OnnxJavaType.FLOAT || tensor.getShape().length != 2) {
            throw new InvalidFieldException(ARTIFACT_FIELD, "must take one float input '"
                    + OnnxRankerExportAdapter.INPUT + "' of shape [rows, features], found " + inputs.values());
        }
        long width = tensor.getShape()[1];
        if (width != featureCount) {
            throw new InvalidFieldException(ARTIFACT_FIELD, "expects " + width + " features per row, the schema has "
                    + featureCount);
        }
        NodeInfo output = session.getOutputInfo().get(OnnxRankerExportAdapter.OUTPUT);
        if (output == null || !(output.getInfo() instanceof TensorInfo scores) || scores.type != OnnxJavaType.FLOAT
                || !Arrays.equals(Arrays.copyOfRange(scores.getShape(), 1, scores.getShape().length), new long[] {1})) {
            throw new InvalidFieldException(ARTIFACT_FIELD, "must produce a float output '"
                    + OnnxRankerExportAdapter.OUTPUT + "' of shape [rows, 1], found " + session.getOutputInfo().values());
        }
    }

    private static void setUnlessConfigured(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing to recover: the session's native memory is released by ONNX Runtime either way.
        }
    }
}
