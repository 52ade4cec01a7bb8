package io.tandem.adapters.out.xgboost;

import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.TreeEnsemble;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Trains a LambdaMART ranker with XGBoost4J ({@code rank:ndcg}) and returns it as a {@link TreeEnsemble}. */
public final class XgboostRankerAdapter implements TrainRankerPort {

    /** The serving target is two cores; more threads only contend with request handling on the same host. */
    private static final int THREADS = 2;
    private static final String EARLY_STOPPING_METRIC = "ndcg@10";
    /** XGBoost's exponential NDCG gain (2^label - 1) is defined for integer labels up to 31 only. */
    private static final int MAX_EXPONENTIAL_GAIN_LABEL = 31;

    @Override
    public TreeEnsemble train(RankingDataset training, RankingDataset validation, RankerParameters parameters) {
        try (TrainedBooster trained = trainBooster(training, validation, parameters)) {
            return trained.ensemble();
        }
    }

    /** Trains and keeps the booster, so tests can compare its own predictions with the converted ensemble. */
    static TrainedBooster trainBooster(RankingDataset training, RankingDataset validation,
                                       RankerParameters parameters) {
        requireTrainable(training, validation);
        boolean earlyStopping = validation.rows() > 0 && parameters.earlyStoppingRounds() > 0;
        DMatrix trainMatrix = null;
        DMatrix validationMatrix = null;
        Booster booster = null;
        try {
            trainMatrix = matrix(training);
            Map<String, DMatrix> watches = new LinkedHashMap<>();
            if (earlyStopping) {
                validationMatrix = matrix(validation);
                // XGBoost4J stops on the metric of the last watched matrix.
                watches.put("validation", validationMatrix);
            }
            booster = XGBoost.train(trainMatrix, xgboostParameters(training, validation, parameters),
                    parameters.rounds(), watches, null, null, null,
                    earlyStopping ? parameters.earlyStoppingRounds() : 0, null);
            int rounds = keptRounds(booster, earlyStopping);
            TreeEnsemble ensemble = XgboostModelJson.toEnsemble(booster.toByteArray("json"),
                    training.schema().size(), rounds);
            TrainedBooster trained = new TrainedBooster(booster, ensemble, rounds);
            booster = null;
            return trained;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            // Native memory is freed only by dispose(); the finalizer may never run.
            if (booster != null) {
                booster.dispose();
            }
            if (trainMatrix != null) {
                trainMatrix.dispose();
            }
            if (validationMatrix != null) {
                validationMatrix.dispose();
            }
        }
    }

    private static void requireTrainable(RankingDataset training, RankingDataset validation) {
        if (training.rows() == 0) {
            throw new InvalidFieldException("training", "has no rows");
        }
        if (!training.schema().equals(validation.schema())) {
            throw new InvalidFieldException("validation", "uses schema " + validation.schema().version()
                    + ", training uses " + training.schema().version());
        }
        requireNonNegativeLabels("training.labels", training.labels());
        requireNonNegativeLabels("validation.labels", validation.labels());
    }

    private static void requireNonNegativeLabels(String field, float[] labels) {
        for (float label : labels) {
            if (!(label >= 0)) {
                throw new InvalidFieldException(field, "must be 0 or more (NDCG gains), found " + label);
            }
        }
    }

    private static DMatrix matrix(RankingDataset dataset) throws XGBoostError {
        DMatrix matrix = new DMatrix(dataset.features(), dataset.rows(), dataset.schema().size(), Float.NaN);
        matrix.setLabel(dataset.labels());
        matrix.setGroup(dataset.groupSizes());
        return matrix;
    }

    private static Map<String, Object> xgboostParameters(RankingDataset training, RankingDataset validation,
                                                         RankerParameters parameters) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "rank:ndcg");
        params.put("eval_metric", EARLY_STOPPING_METRIC);
        params.put("maximize_evaluation_metrics", "true");
        params.put("ndcg_exp_gain", exponentialGainFits(training.labels()) && exponentialGainFits(validation.labels()));
        params.put("eta", parameters.learningRate());
        params.put("max_depth", parameters.maxDepth());
        params.put("min_child_weight", parameters.minChildWeight());
        params.put("seed", parameters.seed());
        params.put("tree_method", "hist");
        params.put("nthread", THREADS);
        params.put("verbosity", 1);
        // XGBoost4J prints every round's evaluation to stdout unless told otherwise.
        params.put("verbose_eval", 0);
        return params;
    }

    private static boolean exponentialGainFits(float[] labels) {
        for (float label : labels) {
            if (label > MAX_EXPONENTIAL_GAIN_LABEL || label != Math.rint(label)) {
                return false;
            }
        }
        return true;
    }

    /** Early stopping keeps the rounds after the best one in the booster; the ranker is the best prefix. */
    private static int keptRounds(Booster booster, boolean earlyStopping) throws XGBoostError {
        int boosted = booster.getNumBoostedRound();
        if (!earlyStopping) {
            return boosted;
        }
        String best = booster.getAttr("best_iteration");
        return best == null ? boosted : Math.min(boosted, Integer.parseInt(best) + 1);
    }

    /**
     * A trained booster with its neutral form and the boosting rounds the form keeps; owns the booster's native
     * memory until closed.
     */
    record TrainedBooster(Booster booster, TreeEnsemble ensemble, int rounds) implements AutoCloseable {

        @Override
        public void close() {
            booster.dispose();
        }
    }
}
