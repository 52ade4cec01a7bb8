package io.tandem.domain.retrieval;

import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The candidate generator against a plain restatement of what it promises: each retriever's top list by score
 * (ties to the lower index, the history left out), ranks beyond the ranked depth read as "far down", the union of
 * the top lists in retriever order, and the mean and deviation over unseen items.
 */
class CandidateGeneratorTest {

    private static final int ITEMS = 700;
    private static final int PER_RETRIEVER = 10;

    @Test
    void agreesWithAPlainRestatementOnRandomModelsWithTies() {
        SplittableRandom random = new SplittableRandom(5);
        List<RetrievalModel> models = List.of(
                fixed(random, 4),          // few distinct values: many ties
                fixed(random, 1_000_000),  // nearly all distinct
                sparse(),                   // zero for most items, as item neighbours are
                withExcluded(random));      // some items scored -Infinity by the retriever itself
        CandidateGenerator generator = new CandidateGenerator(models, ITEMS, PER_RETRIEVER);

        for (int round = 0; round < 30; round++) {
            int[] had = IntStream.generate(() -> random.nextInt(ITEMS)).limit(random.nextInt(25)).distinct().sorted()
                    .toArray();
            float[] values = new float[had.length];
            Arrays.fill(values, 1f);
            UserHistory history = new UserHistory(had, values, new long[had.length]);

            UserCandidates found = generator.candidates(history);

            Set<Integer> union = new LinkedHashSet<>();
            for (int m = 0; m < models.size(); m++) {
                float[] s = new float[ITEMS];
                models.get(m).score(history, s);
                for (int item : had) {
                    s[item] = Float.NEGATIVE_INFINITY;
                }
                List<Integer> order = IntStream.range(0, ITEMS).filter(i -> s[i] != Float.NEGATIVE_INFINITY).boxed()
                        .sorted((a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b)).toList();
                double sum = 0;
                double squares = 0;
                for (int item : order) {
                    sum += s[item];
                    squares += (double) s[item] * s[item];
                }
                double mean = sum / order.size();
                double deviation = Math.sqrt(Math.max(squares / order.size() - mean * mean, 0));
                assertThat(found.mean(m)).as("round %d retriever %d mean", round, m).isCloseTo((float) mean, within(1e-4f));
                assertThat(found.deviation(m)).as("deviation").isCloseTo((float) deviation, within(1e-4f));
                assertThat(found.best(m)).isEqualTo(s[order.get(0)]);
                for (int item = 0; item < ITEMS; item++) {
                    int position = order.indexOf(item);
                    int expected = position >= 0 && position < 4 * PER_RETRIEVER ? position + 1 : generator.farRank();
                    assertThat(found.rank(m, item)).as("round %d retriever %d item %d", round, m, item)
                            .isEqualTo(expected);
                    assertThat(found.proposedBy(m, item)).isEqualTo(position >= 0 && position < PER_RETRIEVER);
                }
                union.addAll(order.subList(0, PER_RETRIEVER));
            }
            assertThat(found.items()).as("round %d union", round)
                    .containsExactly(union.stream().mapToInt(Integer::intValue).toArray());
            for (int item : had) {
                assertThat(found.isSeen(item)).isTrue();
            }
            float[] fused = new float[ITEMS];
            found.fusedAll(fused);
            for (int item = 0; item < ITEMS; item++) {
                float expected = found.isSeen(item) ? Float.NEGATIVE_INFINITY : found.fused(item);
                assertThat(Float.floatToIntBits(fused[item])).as("round %d fused %d", round, item)
                        .isEqualTo(Float.floatToIntBits(expected));
            }
        }
    }

    @Test
    void aTargetDeepensTheListsUntilTheUnionHoldsThatManyCandidates() {
        SplittableRandom random = new SplittableRandom(7);
        RetrievalModel one = fixed(random, 1_000_000);
        // Two retrievers that agree completely: the trained depth gives only PER_RETRIEVER distinct candidates.
        List<RetrievalModel> same = List.of(one, one);
        UserHistory history = new UserHistory(new int[] {3}, new float[] {1f}, new long[1]);
        assertThat(new CandidateGenerator(same, ITEMS, PER_RETRIEVER).candidates(history).items())
                .hasSize(PER_RETRIEVER);

        int target = 6 * PER_RETRIEVER;
        CandidateGenerator generator = new CandidateGenerator(same, ITEMS, PER_RETRIEVER, target);
        UserCandidates found = generator.candidates(history);

        float[] s = new float[ITEMS];
        one.score(history, s);
        s[3] = Float.NEGATIVE_INFINITY;
        List<Integer> order = IntStream.range(0, ITEMS).filter(i -> i != 3).boxed()
                .sorted((a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b)).toList();
        assertThat(found.items()).containsExactly(order.subList(0, target).stream().mapToInt(Integer::intValue)
                .toArray());
        // The features stay as trained: proposed within PER_RETRIEVER, ranks beyond 4 x PER_RETRIEVER far down.
        int deep = order.get(target - 1);
        assertThat(found.proposedBy(0, deep)).isFalse();
        assertThat(found.proposedBy(0, order.get(0))).isTrue();
        assertThat(found.rank(0, deep)).isEqualTo(generator.farRank()).isEqualTo(4 * PER_RETRIEVER + 1);
        assertThat(found.rank(0, order.get(4 * PER_RETRIEVER - 1))).isEqualTo(4 * PER_RETRIEVER);
    }

    @Test
    void aTargetTakesTheListsRoundRobinAndNeverMoreThanTheTarget() {
        // Retriever 0 prefers low ids, retriever 1 high ids: the union alternates between them.
        RetrievalModel low = model((history, scores) -> {
            for (int i = 0; i < ITEMS; i++) {
                scores[i] = -i;
            }
        });
        RetrievalModel high = model((history, scores) -> {
            for (int i = 0; i < ITEMS; i++) {
                scores[i] = i;
            }
        });
        UserHistory none = new UserHistory(new int[0], new float[0], new long[0]);
        UserCandidates found = new CandidateGenerator(List.of(low, high), ITEMS, 2, 5).candidates(none);
        assertThat(found.items()).containsExactly(0, ITEMS - 1, 1, ITEMS - 2, 2);
        assertThat(new CandidateGenerator(List.of(low, high), ITEMS, 2, 5 * ITEMS).candidates(none).items())
                .hasSize(ITEMS);
    }

    @Test
    void aTargetGivesTheRoundRobinOfTheFullListsWhateverDepthTheListsWereRetrievedTo() {
        SplittableRandom random = new SplittableRandom(13);
        // Retrievers that agree a lot (two of them the same) make the union grow slowly: the lists go deeper in
        // steps. The answer must be the round-robin of the complete lists, with the ranks read from them.
        RetrievalModel shared = fixed(random, 1_000_000);
        List<RetrievalModel> models = List.of(shared, fixed(random, 4), shared, sparse(), withExcluded(random));
        for (int target : new int[] {15, 45, 120, 200, 390, 5 * ITEMS}) {
            CandidateGenerator generator = new CandidateGenerator(models, ITEMS, PER_RETRIEVER, target);
            for (int round = 0; round < 8; round++) {
                int[] had = IntStream.generate(() -> random.nextInt(ITEMS)).limit(random.nextInt(30)).distinct()
                        .sorted().toArray();
                UserHistory history = new UserHistory(had, new float[had.length], new long[had.length]);
                UserCandidates found = generator.candidates(history);

                List<List<Integer>> orders = new ArrayList<>();
                for (RetrievalModel model : models) {
                    float[] s = new float[ITEMS];
                    model.score(history, s);
                    for (int item : had) {
                        s[item] = Float.NEGATIVE_INFINITY;
                    }
                    orders.add(IntStream.range(0, ITEMS).filter(i -> s[i] != Float.NEGATIVE_INFINITY).boxed()
                            .sorted((a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b))
                            .toList());
                }
                Set<Integer> union = new LinkedHashSet<>();
                for (int p = 0; p < ITEMS && union.size() < target; p++) {
                    for (int m = 0; m < models.size() && union.size() < target; m++) {
                        if (p < orders.get(m).size()) {
                            union.add(orders.get(m).get(p));
                        }
                    }
                }
                assertThat(found.items()).as("target %d round %d", target, round)
                        .containsExactly(union.stream().mapToInt(Integer::intValue).toArray());
                for (int item : found.items()) {
                    for (int m = 0; m < models.size(); m++) {
                        int position = orders.get(m).indexOf(item);
                        assertThat(found.rank(m, item)).as("target %d item %d retriever %d", target, item, m)
                                .isEqualTo(position >= 0 && position < 4 * PER_RETRIEVER ? position + 1
                                        : generator.farRank());
                        assertThat(found.proposedBy(m, item)).isEqualTo(position >= 0 && position < PER_RETRIEVER);
                    }
                }
            }
        }
    }

    private static RetrievalModel fixed(SplittableRandom random, int distinct) {
        float[] values = new float[ITEMS];
        for (int item = 0; item < ITEMS; item++) {
            values[item] = random.nextInt(distinct) / (float) distinct;
        }
        return model((history, scores) -> System.arraycopy(values, 0, scores, 0, ITEMS));
    }

    private static RetrievalModel sparse() {
        return model((history, scores) -> {
            Arrays.fill(scores, 0f);
            for (int item : history.items()) {
                scores[(item * 7 + 3) % ITEMS] += 1f;
                scores[(item * 13 + 1) % ITEMS] += 0.5f;
            }
        });
    }

    private static RetrievalModel withExcluded(SplittableRandom random) {
        float[] values = new float[ITEMS];
        for (int item = 0; item < ITEMS; item++) {
            values[item] = item % 9 == 0 ? Float.NEGATIVE_INFINITY : (float) random.nextDouble();
        }
        return model((history, scores) -> System.arraycopy(values, 0, scores, 0, ITEMS));
    }

    private interface Scorer {
        void score(UserHistory history, float[] scores);
    }

    private static RetrievalModel model(Scorer scorer) {
        return new RetrievalModel() {
            @Override
            public int itemCount() {
                return ITEMS;
            }

            @Override
            public void score(UserHistory history, float[] scores) {
                scorer.score(history, scores);
            }
        };
    }
}
