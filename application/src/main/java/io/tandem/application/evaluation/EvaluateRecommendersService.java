package io.tandem.application.evaluation;

import io.tandem.application.evaluation.port.in.EvaluateRecommendersCommand;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.application.training.RankerHoldouts;
import io.tandem.application.training.Retriever;
import io.tandem.application.training.TwoStageSettings;
import io.tandem.application.training.TwoStageTrainer;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.EvaluationReport;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.FullRanking;
import io.tandem.domain.evaluation.MetricSuite;
import io.tandem.domain.evaluation.ModelEvaluation;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.RetrievalModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Offline evaluation of every retriever alone and of the two-stage system, fold by fold: models train on the
 * fold's training part and rank every item each test user has not seen in training; metrics are averaged over
 * the users with test items, then over folds. The two-stage system is trained as the train job trains it: the
 * ranker's groups are labelled by {@link RankerHoldouts} of the fold's training part, whatever the protocol, and
 * the command's seed replaces the settings' seeds. Deterministic: per-user work runs in parallel but is summed in
 * user order, and every random choice is seeded.
 */
public final class EvaluateRecommendersService implements EvaluateRecommendersUseCase {

    /** The report row of the full two-stage system. */
    public static final String TWO_STAGE = "two-stage";

    private static final double NANOS_PER_SECOND = 1e9;

    private final List<Retriever> retrievers;
    private final TrainRankerPort trainRanker;
    private final TwoStageSettings settings;

    public EvaluateRecommendersService(List<Retriever> retrievers, TrainRankerPort trainRanker,
                                       TwoStageSettings settings) {
        this.retrievers = List.copyOf(Objects.requireNonNull(retrievers, "retrievers"));
        this.trainRanker = Objects.requireNonNull(trainRanker, "trainRanker");
        this.settings = Objects.requireNonNull(settings, "settings");
        // Fails here, at start-up, rather than on the first evaluation.
        new TwoStageTrainer(this.retrievers, trainRanker, settings);
        if (this.retrievers.stream().anyMatch(retriever -> retriever.name().equals(TWO_STAGE))) {
            throw new InvalidFieldException("retrievers", "'" + TWO_STAGE + "' names the full system");
        }
    }

    @Override
    public EvaluationReport evaluate(EvaluateRecommendersCommand command) {
        EvaluationDataset dataset = command.dataset();
        MetricSuite suite = MetricSuite.at(command.k());
        TwoStageTrainer twoStage = new TwoStageTrainer(retrievers, trainRanker, settings.withSeed(command.seed()));
        int models = retrievers.size() + 1;
        List<List<Map<String, Double>>> foldMeans = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            foldMeans.add(new ArrayList<>());
        }
        double[] seconds = new double[models];
        int folds = dataset.folds().size();
        for (int f = 0; f < folds; f++) {
            Fold fold = dataset.folds().get(f);
            InteractionMatrix train = InteractionMatrix.of(fold.train());
            InteractionMatrix test = InteractionMatrix.of(fold.test());
            List<RetrievalModel> trained = new ArrayList<>();
            double retrieverSeconds = 0;
            for (int r = 0; r < retrievers.size(); r++) {
                Retriever retriever = retrievers.get(r);
                long start = System.nanoTime();
                RetrievalModel model = retriever.trainer().train(train, dataset.items());
                double took = (System.nanoTime() - start) / NANOS_PER_SECOND;
                retrieverSeconds += took;
                seconds[r] += took;
                trained.add(model);
                Map<String, Double> means = FullRanking.measure(model, train, test, suite);
                foldMeans.get(r).add(means);
                command.progress().modelEvaluated(retriever.name(), f + 1, folds, means, took);
            }
            long start = System.nanoTime();
            TreeEnsemble ranker = twoStage.trainRanker(fold.train(), dataset.items(),
                    RankerHoldouts.of(fold.train(), command.seed(), settings));
            RetrievalModel system = twoStage.assemble(train, dataset.items(), trained, ranker);
            // The system's cost is its own ranker stage plus the retrievers it reuses.
            double took = (System.nanoTime() - start) / NANOS_PER_SECOND + retrieverSeconds;
            seconds[models - 1] += took;
            Map<String, Double> means = FullRanking.measure(system, train, test, suite);
            foldMeans.get(models - 1).add(means);
            command.progress().modelEvaluated(TWO_STAGE, f + 1, folds, means, took);
        }
        List<ModelEvaluation> rows = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            String name = m < retrievers.size() ? retrievers.get(m).name() : TWO_STAGE;
            rows.add(ModelEvaluation.averageOf(name, foldMeans.get(m), seconds[m]));
        }
        return new EvaluationReport(dataset.name(), dataset.protocol(), command.k(), folds, rows);
    }
}
