package io.tandem.bootstrap;

import io.tandem.adapters.out.xgboost.XgboostRankerAdapter;
import io.tandem.application.port.in.EvaluateRecommendersCommand;
import io.tandem.application.service.EvaluateRecommendersService;
import io.tandem.application.service.TrainModelsService;
import io.tandem.application.service.TwoStageSettings;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.EvaluationProgress;
import io.tandem.domain.evaluation.RandomSplit;
import io.tandem.domain.evaluation.Split;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranker the train job learns (its groups labelled by {@link TrainModelsService#rankerHoldouts}) against the
 * one {@code tandem evaluate} learns on MovieLens 100K u1 (random fifths of u1.base), both behind the same
 * retrievers and measured on u1.test: what {@code tandem bench quality} serves must be what evaluate measures.
 * A job ranker taught only each user's latest interactions gave 0.3953 against 0.5710. Skipped with a message when
 * the data set is not beside the repository.
 */
class TrainJobRankerMovieLensIT {

    private static final long SEED = 42;
    /** What {@code tandem evaluate --seed 42} cuts for the folds protocol. */
    private static final List<Split> EVALUATE_HOLDOUTS = List.of(new RandomSplit(0.2, SEED + 1),
            new RandomSplit(0.2, SEED + 2), new RandomSplit(0.2, SEED + 3));

    @Test
    void theTrainJobsRankerRanksU1AsWellAsEvaluatesRanker() throws IOException {
        EvaluationDataset u1 = MovieLensFiles.folds(SharedData.require("ml-100k"), 1);

        double evaluate = twoStageNdcg(u1, EVALUATE_HOLDOUTS);
        double job = twoStageNdcg(u1, TrainModelsService.rankerHoldouts(SEED));

        System.out.printf("u1 two-stage ndcg@10: evaluate's ranker %.4f, the train job's %.4f (ratio %.3f)%n",
                evaluate, job, job / evaluate);
        // 0.3953 / 0.5710 = 0.69 before; with random fifths beside the latest shares 0.5364 (0.94): the target
        // of issue #10, 0.98, is not reached yet, and this keeps the gain from sliding back.
        assertThat(job).isGreaterThanOrEqualTo(0.93 * evaluate);
    }

    private static double twoStageNdcg(EvaluationDataset data, List<Split> holdouts) {
        return new EvaluateRecommendersService(TrainingFactory.retrievers(), new XgboostRankerAdapter(),
                TwoStageSettings.defaults())
                .evaluate(new EvaluateRecommendersCommand(data, 10, holdouts, EvaluationProgress.NONE))
                .model(EvaluateRecommendersService.TWO_STAGE).metric("ndcg@10");
    }
}
