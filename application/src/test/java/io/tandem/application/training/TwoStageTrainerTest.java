package io.tandem.application.training;

import io.tandem.application.evaluation.EvaluationFixture;
import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.application.training.port.out.TrainRetrieverPort;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.jobs.JobStage;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.RandomSplit;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.retrieval.ItemFacets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TwoStageTrainerTest {

    private static final List<Retriever> RETRIEVERS = List.of(
            new Retriever("anti", EvaluationFixture.antiParity()),
            new Retriever("parity", EvaluationFixture.parity()));
    private static final FeatureSchema SCHEMA = RankingFeatures.schemaFor(List.of("anti", "parity"));
    private static final RankerParameters RANKER = new RankerParameters(10, 3, 0.1, 1.0, 5, 7L);

    @Test
    void eachBagTrainsWithItsOwnSeedAndValidationGroupsAndTheRankerAveragesThem() {
        List<RankingDataset> trainings = new ArrayList<>();
        List<RankerParameters> parameters = new ArrayList<>();
        // Bag b answers with a constant tree worth b + 1 on every row, so the average is known exactly.
        TrainRankerPort ranker = (training, validation, given) -> {
            trainings.add(training);
            parameters.add(given);
            float value = trainings.size();
            return new TreeEnsemble(SCHEMA.size(), 0.0, List.of(new TreeEnsemble.Tree(new int[] {0},
                    new float[] {0f}, new int[] {-1}, new int[] {-1}, new boolean[] {true}, new float[] {value})));
        };

        TreeEnsemble bagged = trainer(ranker, 3).trainRanker(EvaluationFixture.twoFolds().folds().get(0).train(),
                ItemFacets.none(EvaluationFixture.ITEMS), List.of(new RandomSplit(0.25, 3)));

        assertThat(trainings).hasSize(3);
        assertThat(parameters).extracting(RankerParameters::seed).containsExactly(7L, 8L, 9L);
        assertThat(bagged.trees()).hasSize(3);
        assertThat(bagged.score(new float[SCHEMA.size()])).isCloseTo((1 + 2 + 3) / 3.0, within(1e-6));
        // Every bag keeps a different share of the groups apart, so they learn from different rows.
        assertThat(trainings.get(1).labels()).isNotEqualTo(trainings.get(0).labels());
        assertThat(Arrays.equals(trainings.get(2).features(), trainings.get(1).features())).isFalse();
    }

    @Test
    void oneBagIsTheUnbaggedRankerItself() {
        List<RankerParameters> parameters = new ArrayList<>();
        TrainRankerPort stand = EvaluationFixture.rankBy(SCHEMA.indexOf("parity.rank"), SCHEMA.size(),
                EvaluationFixture.ITEMS);
        TrainRankerPort ranker = (training, validation, given) -> {
            parameters.add(given);
            return stand.train(training, validation, given);
        };

        TreeEnsemble single = trainer(ranker, 1).trainRanker(EvaluationFixture.twoFolds().folds().get(0).train(),
                ItemFacets.none(EvaluationFixture.ITEMS), List.of(new RandomSplit(0.25, 3)));

        assertThat(parameters).containsExactly(RANKER);
        assertThat(single.trees()).hasSize(EvaluationFixture.ITEMS);
    }

    @Test
    void aTrainedSplitLabelsGroupsWithItsOwnRetrieversWithoutTrainingThemAgain() {
        int[] trainings = new int[1];
        TrainRetrieverPort counted = (interactions, items) -> {
            trainings[0]++;
            return EvaluationFixture.parity().train(interactions, items);
        };
        List<Retriever> retrievers = List.of(new Retriever("anti", EvaluationFixture.antiParity()),
                new Retriever("parity", counted));
        List<RankingDataset> datasets = new ArrayList<>();
        TrainRankerPort stand = EvaluationFixture.rankBy(SCHEMA.indexOf("parity.rank"), SCHEMA.size(),
                EvaluationFixture.ITEMS);
        TrainRankerPort ranker = (training, validation, given) -> {
            datasets.add(training);
            return stand.train(training, validation, given);
        };
        TwoStageTrainer trainer = new TwoStageTrainer(retrievers, ranker, settings(1, 0.3));
        InteractionLog train = EvaluationFixture.twoFolds().folds().get(0).train();
        ItemFacets items = ItemFacets.none(EvaluationFixture.ITEMS);
        Fold cut = new RandomSplit(0.25, 5).split(train);
        InteractionMatrix kept = InteractionMatrix.of(cut.train());
        TrainedSplit shared = new TrainedSplit(cut, List.of(EvaluationFixture.antiParity().train(kept, items),
                EvaluationFixture.parity().train(kept, items)));

        trainer.trainRanker(train, items, List.of(new RandomSplit(0.25, 3)), List.of(shared),
                new JobStage(TrainModelsCommand.SILENT, "training the ranker", 0, 1));
        int withShared = datasets.get(0).rows();
        trainer.trainRanker(train, items, List.of(new RandomSplit(0.25, 3)));

        // Once for the split it was given as a split; the shared one's groups came on top of that split's.
        assertThat(trainings[0]).isEqualTo(2);
        assertThat(withShared).isGreaterThan(datasets.get(1).rows());
        assertThatThrownBy(() -> trainer.trainRanker(train, items, List.of(), List.of(new TrainedSplit(cut,
                List.of(shared.models().get(0)))), new JobStage(TrainModelsCommand.SILENT, "ranker", 0, 1)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("one model per retriever");
    }

    @Test
    void rowsASplitLeavesUnusedGoToTheSplitsAfterIt() {
        List<Integer> groups = new ArrayList<>();
        TrainRankerPort stand = EvaluationFixture.rankBy(SCHEMA.indexOf("parity.rank"), SCHEMA.size(),
                EvaluationFixture.ITEMS);
        TrainRankerPort ranker = (training, validation, given) -> {
            groups.add(training.groupSizes().length + validation.groupSizes().length);
            return stand.train(training, validation, given);
        };
        // 8 rows a group, 160 rows: 10 users a split if shared equally.
        TwoStageTrainer trainer = new TwoStageTrainer(RETRIEVERS, ranker,
                new TwoStageSettings(4, 6, 2, 160, 0.3, RANKER, 1, 7L));
        InteractionLog train = EvaluationFixture.twoFolds().folds().get(0).train();
        // Holds out one interaction of users 0 and 1 only: two users can form groups.
        Split twoUsers = log -> {
            int[] users = log.users();
            int first = -1;
            int second = -1;
            for (int row = 0; row < log.size(); row++) {
                first = users[row] == 0 ? row : first;
                second = users[row] == 1 ? row : second;
            }
            int a = first;
            int b = second;
            return new Fold(log.select(IntStream.range(0, log.size()).filter(row -> row != a && row != b).toArray()),
                    log.select(new int[] {a, b}));
        };

        trainer.trainRanker(train, ItemFacets.none(EvaluationFixture.ITEMS),
                List.of(twoUsers, new RandomSplit(0.25, 3)));

        // Two groups at most from the first split; the second takes the 144 rows left, 18 users, not 10.
        assertThat(groups.get(0)).isGreaterThan(12);
    }

    @Test
    void bagsAreBoundedAndNeedGroupsKeptApart() {
        assertThatThrownBy(() -> settings(0, 0.2)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("two-stage.bags");
        assertThatThrownBy(() -> settings(TwoStageSettings.MAX_BAGS + 1, 0.2))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("two-stage.bags");
        assertThatThrownBy(() -> settings(2, 0.0)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("validation share");
        assertThat(settings(1, 0.0).bags()).isEqualTo(1);
    }

    @Test
    void eachBagBoostsAtMostItsShareOfTheTreeBoundSoTheServedRankerStaysWithinIt() {
        List<RankerParameters> parameters = new ArrayList<>();
        TrainRankerPort ranker = (training, validation, given) -> {
            parameters.add(given);
            List<TreeEnsemble.Tree> trees = new ArrayList<>();
            for (int round = 0; round < given.rounds(); round++) {
                trees.add(new TreeEnsemble.Tree(new int[] {0}, new float[] {0f}, new int[] {-1}, new int[] {-1},
                        new boolean[] {true}, new float[] {1f}));
            }
            return new TreeEnsemble(SCHEMA.size(), 0.0, trees);
        };
        // Rounds allow 3 x 10 trees; the bound allows 8, so each of the 3 bags boosts at most 2 rounds.
        TwoStageSettings bounded = new TwoStageSettings(4, 6, 2, 10_000, 0.3, RANKER, 3, 8, 7L);

        TreeEnsemble served = new TwoStageTrainer(RETRIEVERS, ranker, bounded).trainRanker(
                EvaluationFixture.twoFolds().folds().get(0).train(), ItemFacets.none(EvaluationFixture.ITEMS),
                List.of(new RandomSplit(0.25, 3)));

        assertThat(parameters).extracting(RankerParameters::rounds).containsExactly(2, 2, 2);
        assertThat(parameters).extracting(RankerParameters::seed).containsExactly(7L, 8L, 9L);
        assertThat(served.trees()).hasSizeLessThanOrEqualTo(8).hasSize(6);
    }

    @Test
    void withoutATreeBoundTheRoundsAloneBoundTheTreesAndTheBoundMustLeaveEachBagOneTree() {
        assertThat(settings(4, 0.2).maxRankerTrees()).isEqualTo(4 * RANKER.rounds());
        assertThat(settings(4, 0.2).rankerOfBag(0)).isEqualTo(RANKER);
        assertThatThrownBy(() -> new TwoStageSettings(4, 6, 2, 10_000, 0.2, RANKER, 4, 3, 7L))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("two-stage.max-ranker-trees");
    }

    @Test
    void reseedingKeepsEverySettingButTheSeeds() {
        TwoStageSettings seeded = settings(4, 0.2).withSeed(99L);

        assertThat(seeded.bags()).isEqualTo(4);
        assertThat(seeded.seed()).isEqualTo(99L);
        assertThat(seeded.ranker()).isEqualTo(new RankerParameters(10, 3, 0.1, 1.0, 5, 99L));
        assertThat(seeded.withSeed(7L)).isEqualTo(settings(4, 0.2));
    }

    @Test
    void fewerBagsKeepEachRankersShareOfTheTreeBoundAndEveryOtherSetting() {
        TwoStageSettings bounded = new TwoStageSettings(4, 6, 2, 10_000, 0.2, RANKER, 4, 20, 7L);

        TwoStageSettings one = bounded.withBags(1);

        assertThat(one.bags()).isEqualTo(1);
        assertThat(one.maxRankerTrees()).isEqualTo(5);
        assertThat(one.rankerOfBag(0)).isEqualTo(bounded.rankerOfBag(0));
        assertThat(one.withBags(4)).isEqualTo(bounded);
    }

    private static TwoStageTrainer trainer(TrainRankerPort ranker, int bags) {
        return new TwoStageTrainer(RETRIEVERS, ranker, settings(bags, 0.3));
    }

    private static TwoStageSettings settings(int bags, double validationShare) {
        return new TwoStageSettings(4, 6, 2, 10_000, validationShare, RANKER, bags, 7L);
    }
}
