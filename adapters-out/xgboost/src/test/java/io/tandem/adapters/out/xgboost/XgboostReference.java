package io.tandem.adapters.out.xgboost;

import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.domain.model.TreeEnsemble;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A ranker trained the way {@link XgboostRankerAdapter} trains it, with XGBoost's own booster kept beside the
 * converted ensemble, so parity tests (here and in the ONNX module) can compare against XGBoost's predictions.
 */
public final class XgboostReference implements AutoCloseable {

    private final XgboostRankerAdapter.TrainedBooster trained;

    private XgboostReference(XgboostRankerAdapter.TrainedBooster trained) {
        this.trained = trained;
    }

    public static XgboostReference train(RankingDataset training, RankingDataset validation,
                                         RankerParameters parameters) {
        return new XgboostReference(XgboostRankerAdapter.trainBooster(training, validation, parameters));
    }

    public TreeEnsemble ensemble() {
        return trained.ensemble();
    }

    public int rounds() {
        return trained.rounds();
    }

    /** {@code Booster.predict} with output margin over the rounds the ensemble keeps, one score per row. */
    public float[] margins(float[] features, int rows) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(features, rows, trained.ensemble().featureCount(), Float.NaN);
            float[][] predictions = trained.booster().predict(matrix, true, trained.rounds());
            float[] margins = new float[rows];
            for (int r = 0; r < rows; r++) {
                margins[r] = predictions[r][0];
            }
            return margins;
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    @Override
    public void close() {
        trained.close();
    }
}
