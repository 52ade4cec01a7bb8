package io.tandem.application.training;

import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.retrieval.RetrievalModel;

import java.util.List;
import java.util.Objects;

/**
 * A split of the ranker's interactions whose retrievers are already trained on its kept part, one model per
 * retriever in the trainer's order: the ranker's groups can be labelled by its held-out part without training
 * the retrievers again (a refit reuses the measured run's own cut this way, ADR-0033).
 */
public record TrainedSplit(Fold fold, List<RetrievalModel> models) {

    public TrainedSplit {
        Objects.requireNonNull(fold, "fold");
        models = List.copyOf(Objects.requireNonNull(models, "models"));
    }
}
