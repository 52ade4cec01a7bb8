package io.tandem.domain.experiment.interleaving;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamDraftInterleavingTest {

    private static final List<ItemId> A = items("a1", "a2", "a3", "a4");
    private static final List<ItemId> B = items("b1", "b2", "b3", "b4");

    @Test
    void eachPairOfPlacesHoldsOnePickOfEachTeamInItsOwnOrder() {
        SplittableRandom random = new SplittableRandom(1);
        int aFirst = 0;
        for (int request = 0; request < 1_000; request++) {
            InterleavedList list = TeamDraftInterleaving.interleave(A, B, 6, random);

            assertThat(list.items()).hasSize(6);
            for (int pair = 0; pair < 3; pair++) {
                assertThat(Set.of(list.teams().get(2 * pair), list.teams().get(2 * pair + 1)))
                        .containsExactlyInAnyOrder(Team.A, Team.B);
                assertThat(Set.of(list.items().get(2 * pair), list.items().get(2 * pair + 1)))
                        .containsExactlyInAnyOrder(A.get(pair), B.get(pair));
            }
            aFirst += list.teams().get(0) == Team.A ? 1 : 0;
        }
        // A fair coin decides who drafts first: 500 ± 3 standard deviations (47).
        assertThat(aFirst).isBetween(453, 547);
    }

    /** A = x y z, B = y x w: whoever drafts first takes its top item, the other team its best one still free. */
    @Test
    void sharedItemsAreDraftedOnceAndTheOtherListFillsWhenOneRunsOut() {
        List<ItemId> a = items("x", "y", "z");
        List<ItemId> b = items("y", "x", "w");
        for (long seed = 0; seed < 50; seed++) {
            InterleavedList list = TeamDraftInterleaving.interleave(a, b, 10, new SplittableRandom(seed));

            assertThat(list.items()).containsExactlyInAnyOrderElementsOf(items("x", "y", "z", "w"));
            assertThat(list.items().subList(0, 2)).containsExactlyInAnyOrderElementsOf(items("x", "y"));
            assertThat(list.teams().stream().filter(team -> team == Team.A).count()).isEqualTo(2);
        }
        InterleavedList lopsided = TeamDraftInterleaving.interleave(items("p"), items("q", "r", "s"), 4,
                new SplittableRandom(3));
        assertThat(lopsided.items()).containsExactlyInAnyOrderElementsOf(items("p", "q", "r", "s"));
        assertThat(TeamDraftInterleaving.interleave(A, B, 3, new SplittableRandom(3)).items()).hasSize(3);
    }

    @Test
    void theTeamWithMoreClickedItemsWins() {
        InterleavedList list = new InterleavedList(items("a1", "b1", "b2", "a2"),
                List.of(Team.A, Team.B, Team.B, Team.A));

        assertThat(list.credit(items("b1"))).isEqualTo(InterleavingOutcome.B_WINS);
        assertThat(list.credit(items("a1", "b1", "a2"))).isEqualTo(InterleavingOutcome.A_WINS);
        assertThat(list.credit(items("a1", "b2"))).isEqualTo(InterleavingOutcome.TIE);
        assertThat(list.credit(items("elsewhere"))).isEqualTo(InterleavingOutcome.TIE);
        assertThat(list.credit(List.of())).isEqualTo(InterleavingOutcome.TIE);
    }

    /** The same ranking on both sides: clicks that follow position alone must not favour either team. */
    @Test
    void identicalRankingsUnderPositionBiasArePreferredByNeither() {
        List<ItemId> ranking = items("i1", "i2", "i3", "i4", "i5", "i6");
        InterleavingTally<Integer> tally = simulate(ranking, ranking, Set.of(), 20_000, 7);

        assertThat(tally.signTestPValue()).isGreaterThan(0.01);
        assertThat(tally.preference().interval(0.99).contains(0)).isTrue();
    }

    /** A ranks the relevant items first, B last: users prefer A by a wide margin. */
    @Test
    void theRankingWithRelevantItemsHigherWins() {
        List<ItemId> good = items("r1", "r2", "n1", "n2", "n3", "n4");
        List<ItemId> weak = items("n1", "n2", "n3", "n4", "r1", "r2");
        InterleavingTally<Integer> tally = simulate(good, weak, Set.copyOf(items("r1", "r2")), 2_000, 8);

        assertThat(tally.winsA()).isGreaterThan(3 * tally.winsB());
        assertThat(tally.signTestPValue()).isLessThan(1e-6);
        assertThat(tally.preference().interval(0.95).isBelow(0)).isTrue();
        assertThat(tally.shareOfBWins(0.95).isBelow(0.5)).isTrue();
        assertThat(tally.requests()).isEqualTo(2_000);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> TeamDraftInterleaving.interleave(A, B, 0, new SplittableRandom(1)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new InterleavedList(items("a", "a"), List.of(Team.A, Team.B)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new InterleavedList(items("a"), List.of(Team.A, Team.B)))
                .isInstanceOf(InvalidFieldException.class);
    }

    /** Users (200 of them) examine place p with chance 1/p and click relevant items (or any, when none is). */
    private static InterleavingTally<Integer> simulate(List<ItemId> a, List<ItemId> b, Set<ItemId> relevant,
                                                       int requests, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InterleavingTally<Integer> tally = new InterleavingTally<>();
        for (int request = 0; request < requests; request++) {
            InterleavedList list = TeamDraftInterleaving.interleave(a, b, 6, random);
            List<ItemId> clicked = new ArrayList<>();
            for (int place = 0; place < list.items().size(); place++) {
                ItemId item = list.items().get(place);
                double attraction = relevant.isEmpty() ? 0.3 : relevant.contains(item) ? 0.6 : 0.05;
                if (random.nextDouble() < attraction / (place + 1)) {
                    clicked.add(item);
                }
            }
            tally.add(request % 200, list.credit(clicked));
        }
        return tally;
    }

    private static List<ItemId> items(String... ids) {
        return IntStream.range(0, ids.length).mapToObj(i -> ItemId.of(ids[i])).toList();
    }
}
