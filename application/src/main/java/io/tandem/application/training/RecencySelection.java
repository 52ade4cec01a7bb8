package io.tandem.application.training;

import io.tandem.application.ingestion.LakeInteractions;
import io.tandem.domain.evaluation.FullRanking;
import io.tandem.domain.evaluation.MetricSuite;
import io.tandem.domain.jobs.JobStage;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.RetrievalModel;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static io.tandem.application.training.TrainModelsService.METRICS_AT;

/**
 * The recency step of a training run (ADR-0022): the decaying retriever, trained alone at each half-life of a
 * {@link RecencyGrid}, is measured on the hold-out, and the best half-life is the one the run's retrievers use.
 */
final class RecencySelection {

    private final List<Retriever> retrievers;
    private final Optional<RecencyGrid> recency;

    RecencySelection(List<Retriever> retrievers, Optional<RecencyGrid> recency) {
        this.retrievers = List.copyOf(retrievers);
        this.recency = Objects.requireNonNull(recency, "recency");
    }

    /**
     * The retrievers this run trains: the decaying one (if any) at the half-life that ranks the hold-out best
     * alone, on at most {@link RecencyGrid#MAX_USERS} seeded hold-out users.
     */
    RecencyChoice choose(InteractionMatrix history, InteractionLog heldOutLog,
                         LakeInteractions.ImplicitFeedback feedback, long seed,
                          JobStage stage) {
        if (recency.isEmpty()) {
            return new RecencyChoice(retrievers, Optional.empty(), "");
        }
        RecencyGrid grid = recency.get();
        stage.start("choosing the " + grid.retriever() + " half-life on the hold-out among "
                + grid.halfLives().stream().map(RecencyGrid::describe).toList());
        InteractionMatrix sample = InteractionMatrix.of(UserSample.of(heldOutLog, RecencyGrid.MAX_USERS, seed));
        Optional<Duration> best = grid.halfLives().get(0);
        double bestNdcg = Double.NEGATIVE_INFINITY;
        StringBuilder measured = new StringBuilder();
        int tried = 0;
        for (Optional<Duration> halfLife : grid.halfLives()) {
            RetrievalModel model = grid.trainer().withHalfLife(halfLife).train(history, feedback.items());
            double ndcg = FullRanking.measure(model, history, sample, MetricSuite.at(METRICS_AT))
                    .getOrDefault("ndcg@" + METRICS_AT, 0.0);
            measured.append(measured.isEmpty() ? "" : ",").append(RecencyGrid.describe(halfLife))
                    .append('=').append(String.format(Locale.ROOT, "%.4f", ndcg));
            tried++;
            stage.report((double) tried / grid.halfLives().size(), "measured " + measured);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = halfLife;
            }
        }
        Optional<Duration> chosen = best;
        List<Retriever> chosenRetrievers = retrievers.stream()
                .map(r -> r.name().equals(grid.retriever())
                        ? new Retriever(r.name(), grid.trainer().withHalfLife(chosen), r.maxItems())
                        : r)
                .toList();
        return new RecencyChoice(chosenRetrievers, Optional.of(RecencyGrid.describe(chosen)), measured.toString());
    }

    /** The retrievers a run trains, the half-life chosen (as metadata writes it) and each one's hold-out NDCG. */
    record RecencyChoice(List<Retriever> retrievers, Optional<String> halfLife, String measured) {
    }
}
