package io.tandem.application.training.port.out;

import io.tandem.domain.model.TreeEnsemble;

/** Trains a learning-to-rank model (LambdaMART) and returns it in the neutral tree form. */
@FunctionalInterface
public interface TrainRankerPort {

    /**
     * @param validation rows for early stopping, or a dataset with the same schema and no rows to train the
     *                   configured number of rounds
     */
    TreeEnsemble train(RankingDataset training, RankingDataset validation, RankerParameters parameters);
}
