package io.tandem.application.training;

import io.tandem.application.evaluation.EvaluationFixture;
import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.domain.evaluation.RandomSplit;
import io.tandem.domain.evaluation.TemporalSplit;
import io.tandem.domain.retrieval.InteractionLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RankerHoldoutsTest {

    @Test
    void whatComesNextAndWhatIsMissingLabelTheRankerWhenTimeCanCutTheInteractions() {
        InteractionLog spread = EvaluationFixture.log(pairs());

        assertThat(RankerHoldouts.of(spread, 42)).containsExactly(new TemporalSplit(0.1), new TemporalSplit(0.3),
                new RandomSplit(0.2, 43), new RandomSplit(0.2, 44), new RandomSplit(0.2, 45));
    }

    @Test
    void interactionsOfOneSecondAreLabelledByRandomSplitsAlone() {
        // As Last.fm: every listening carries the data set's publication time, so "latest" would only be the
        // order the events were stored in.
        InteractionLog spread = EvaluationFixture.log(pairs());
        InteractionLog oneSecond = new InteractionLog(spread.userCount(), spread.itemCount(), spread.users(),
                spread.items(), spread.values(), new long[spread.size()]);

        assertThat(RankerHoldouts.of(oneSecond, 42)).containsExactly(new RandomSplit(0.2, 43),
                new RandomSplit(0.2, 44), new RandomSplit(0.2, 45));
    }

    @Test
    void theLatestShareStartingInTheFirstSecondIsTooLittleSpread() {
        InteractionLog spread = EvaluationFixture.log(pairs());
        long[] times = new long[spread.size()];
        // Only the newest tenth is later than the first second: the latest 30 % cannot be cut by an instant.
        for (int row = spread.size() - spread.size() / 10; row < spread.size(); row++) {
            times[row] = 1_000L * row;
        }
        InteractionLog shallow = new InteractionLog(spread.userCount(), spread.itemCount(), spread.users(),
                spread.items(), spread.values(), times);

        assertThat(RankerHoldouts.of(shallow, 7)).allMatch(split -> split instanceof RandomSplit).hasSize(3);
        assertThat(RankerHoldouts.of(EvaluationFixture.log(pairs().subList(0, 1)), 7)).hasSize(3);
    }

    @Test
    void aLakeWhoseGroupsExceedTheRowBoundIsLabelledByOneSplitOfEachKind() {
        InteractionLog spread = EvaluationFixture.log(pairs());
        // 6 users who can be trained on and held out, 5 splits, 6 + 2 rows a group: 240 rows.
        assertThat(RankerHoldouts.of(spread, 42, rowBound(240))).hasSize(5);

        assertThat(RankerHoldouts.atScale(spread, 5, rowBound(239))).isTrue();
        assertThat(RankerHoldouts.of(spread, 42, rowBound(239))).containsExactly(new TemporalSplit(0.1),
                new RandomSplit(0.2, 43));
    }

    @Test
    void atScaleWithoutSpreadInTimeOneRandomSplitLabelsTheRanker() {
        InteractionLog spread = EvaluationFixture.log(pairs());
        InteractionLog oneSecond = new InteractionLog(spread.userCount(), spread.itemCount(), spread.users(),
                spread.items(), spread.values(), new long[spread.size()]);

        assertThat(RankerHoldouts.of(oneSecond, 42, rowBound(10))).containsExactly(new RandomSplit(0.2, 43));
    }

    @Test
    void usersWithASingleInteractionCannotFormAGroupAndDoNotCount() {
        List<int[]> pairs = new ArrayList<>(pairs().subList(0, 10));
        for (int user = 1; user < EvaluationFixture.USERS; user++) {
            pairs.add(new int[] {user, user % 10});
        }
        InteractionLog log = EvaluationFixture.log(pairs);

        // One user with ten interactions, the others with one: 1 user x 5 splits x 8 rows.
        assertThat(RankerHoldouts.atScale(log, 5, rowBound(40))).isFalse();
        assertThat(RankerHoldouts.atScale(log, 5, rowBound(39))).isTrue();
    }

    private static TwoStageSettings rowBound(int maxRankerRows) {
        return new TwoStageSettings(4, 6, 2, maxRankerRows, 0.2, RankerParameters.defaults(), 1, 42L);
    }

    private static List<int[]> pairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int user = 0; user < 6; user++) {
            for (int item = 0; item < 10; item++) {
                pairs.add(new int[] {user, item});
            }
        }
        return pairs;
    }
}
