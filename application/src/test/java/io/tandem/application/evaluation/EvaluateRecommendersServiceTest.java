package io.tandem.application.evaluation;

import io.tandem.application.evaluation.port.in.EvaluateRecommendersCommand;
import io.tandem.application.training.Retriever;
import io.tandem.application.training.TwoStageSettings;
import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.EvaluationProgress;
import io.tandem.domain.evaluation.EvaluationReport;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.ranking.RankingFeatures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluateRecommendersServiceTest {

    private static final TwoStageSettings SETTINGS = new TwoStageSettings(4, 6, 2, 10_000, 0.2,
            new RankerParameters(10, 3, 0.1, 1.0, 0, 7L), 1, 7L);
    private static final List<Retriever> RETRIEVERS = List.of(
            new Retriever("anti", EvaluationFixture.antiParity()),
            new Retriever("parity", EvaluationFixture.parity()));
    private static final FeatureSchema SCHEMA = RankingFeatures.schemaFor(List.of("anti", "parity"));

    @Test
    void reportsEveryRetrieverAndTheTwoStageSystemWithAllMetrics() {
        EvaluationReport report = service(byParityRank()).evaluate(command());

        assertThat(report.models()).extracting(row -> row.name()).containsExactly("anti", "parity", "two-stage");
        assertThat(report.folds()).isEqualTo(2);
        assertThat(report.model("parity").metrics().keySet()).containsExactly("precision@5", "recall@5", "ndcg@5",
                "map@5", "mrr@5", "hit_rate@5", "auc", "coverage");
    }

    @Test
    void aRetrieverThatKnowsTheStructureRanksEveryTestItemAboveTheRest() {
        EvaluationReport report = service(byParityRank()).evaluate(command());

        // Test items all have the user's parity and parity scores them above every other unseen item.
        assertThat(report.model("parity").metric("auc")).isCloseTo(1.0, within(1e-12));
        assertThat(report.model("parity").metric("mrr@5")).isCloseTo(1.0, within(1e-12));
        assertThat(report.model("anti").metric("precision@5")).isZero();
    }

    @Test
    void theTwoStageSystemOrdersTheCandidatesAsItsRankerSays() {
        // The stand-in ranker follows the parity retriever's rank, so the system must equal that retriever on
        // every ranking metric, although the anti retriever proposes half of the candidates.
        EvaluationReport report = service(byParityRank()).evaluate(command());

        for (String metric : List.of("precision@5", "ndcg@5", "map@5", "mrr@5")) {
            assertThat(report.model("two-stage").metric(metric)).as(metric)
                    .isCloseTo(report.model("parity").metric(metric), within(1e-12));
        }
    }

    @Test
    void theRankerLearnsFromGroupsLabelledByTheHeldOutPartOfTheTrainingData() {
        List<RankingDataset> seen = new ArrayList<>();
        TrainRankerPort ranker = (training, validation, parameters) -> {
            seen.add(training);
            return byParityRank().train(training, validation, parameters);
        };

        service(ranker).evaluate(command());

        assertThat(seen).hasSize(2);
        RankingDataset first = seen.get(0);
        assertThat(first.schema()).isEqualTo(SCHEMA);
        assertThat(first.groupSizes()).isNotEmpty();
        for (int size : first.groupSizes()) {
            // At most the top 6 candidates and 2 random items.
            assertThat(size).isBetween(1, 6 + 2);
        }
        float positives = 0;
        for (float label : first.labels()) {
            assertThat(label).isIn(0f, 1f);
            positives += label;
        }
        assertThat(positives).isPositive().isLessThan(first.rows());
    }

    @Test
    void theCommandsSeedSeedsTheRankerAsATrainJobsSeedDoes() {
        List<Long> seeds = new ArrayList<>();
        TrainRankerPort ranker = (training, validation, parameters) -> {
            seeds.add(parameters.seed());
            return byParityRank().train(training, validation, parameters);
        };

        service(ranker).evaluate(new EvaluateRecommendersCommand(EvaluationFixture.twoFolds(), 5, 11,
                EvaluationProgress.NONE));

        // The settings say 7; the train job replaces them with its own seed, and so does evaluate.
        assertThat(seeds).hasSize(2).containsOnly(11L);
    }

    @Test
    void theSameInputGivesTheSameReport() {
        EvaluationReport first = service(byParityRank()).evaluate(command());
        EvaluationReport second = service(byParityRank()).evaluate(command());

        for (int m = 0; m < first.models().size(); m++) {
            assertThat(second.models().get(m).metrics()).isEqualTo(first.models().get(m).metrics());
        }
    }

    @Test
    void progressHearsOfEveryModelOnEveryFold() {
        List<String> heard = new ArrayList<>();
        EvaluationProgress progress = (model, fold, folds, metrics, seconds) -> heard.add(model + "@" + fold);

        service(byParityRank()).evaluate(new EvaluateRecommendersCommand(EvaluationFixture.twoFolds(), 5, 7,
                progress));

        assertThat(heard).containsExactly("anti@1", "parity@1", "two-stage@1", "anti@2", "parity@2", "two-stage@2");
    }

    @Test
    void theSystemsNameCannotBeARetrieversName() {
        assertThatThrownBy(() -> new EvaluateRecommendersService(
                List.of(new Retriever("two-stage", EvaluationFixture.parity())), byParityRank(), SETTINGS))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("two-stage");
    }

    private static EvaluateRecommendersService service(TrainRankerPort ranker) {
        return new EvaluateRecommendersService(RETRIEVERS, ranker, SETTINGS);
    }

    private static EvaluateRecommendersCommand command() {
        return new EvaluateRecommendersCommand(EvaluationFixture.twoFolds(), 5, 7, EvaluationProgress.NONE);
    }

    private static TrainRankerPort byParityRank() {
        return EvaluationFixture.rankBy(SCHEMA.indexOf("parity.rank"), SCHEMA.size(), EvaluationFixture.ITEMS);
    }
}
