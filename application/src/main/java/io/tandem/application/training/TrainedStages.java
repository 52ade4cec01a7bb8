package io.tandem.application.training;

import io.tandem.domain.evaluation.Split;
import io.tandem.domain.jobs.JobProgress;
import io.tandem.domain.jobs.JobStage;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ItemStats;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A ranker with the retrievers and item statistics it was trained beside: one window's two stages. */
record TrainedStages(TreeEnsemble ranker, List<RetrievalModel> models, ItemStats itemStats) {

    TrainedStages {
        models = List.copyOf(models);
    }

    /**
     * Both stages on {@code interactions}: the ranker from {@code splits} (and {@code shared} splits whose
     * retrievers are trained already), the retrievers on all of them, and the item statistics the ranker's features
     * read. Its progress is two stages of the run, the ranker's and the retrievers', within {@code from..to}, named
     * with {@code prefix}.
     */
    static TrainedStages train(TwoStageTrainer trainer, InteractionLog interactions, ItemFacets items,
                               List<Split> splits, List<TrainedSplit> shared, JobProgress progress, double from,
                               double to, String detail, String prefix) {
        double split = from + (to - from) * 0.8;
        JobStage rankerStage = new JobStage(progress, prefix + "training the ranker", from, split);
        rankerStage.start(detail);
        TreeEnsemble ranker = trainer.trainRanker(interactions, items, splits, shared, rankerStage);
        JobStage retrieverStage = new JobStage(progress, prefix + "training the retrievers", split, to);
        retrieverStage.start(String.format(Locale.ROOT, "%s on %,d interactions", trainer.retrieverNames(),
                interactions.size()));
        InteractionMatrix matrix = InteractionMatrix.of(interactions);
        List<RetrievalModel> models = new ArrayList<>();
        List<Retriever> retrievers = trainer.retrievers();
        for (int r = 0; r < retrievers.size(); r++) {
            models.add(retrievers.get(r).trainer().train(matrix, items));
            retrieverStage.report((r + 1.0) / retrievers.size(), retrievers.get(r).name() + " trained");
        }
        return new TrainedStages(ranker, models, ItemStats.of(matrix));
    }
}
