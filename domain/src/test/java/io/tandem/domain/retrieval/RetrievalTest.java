package io.tandem.domain.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sparse and static retrievals answer what the dense one answers for the same scores. */
class RetrievalTest {

    private static final int ITEMS = 400;

    @Test
    void sparseScoresAnswerAsTheirFullVector() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 300; round++) {
            int[] items = IntStream.range(0, ITEMS).filter(i -> random.nextInt(4) == 0).toArray();
            float rest = random.nextBoolean() ? 0f : -2.5f;
            float[] values = new float[items.length];
            for (int k = 0; k < values.length; k++) {
                int kind = random.nextInt(12);
                // Ties among the scored items and with the rest, some below the rest, a few excluded.
                values[k] = kind == 0 ? rest : kind == 1 ? Float.NEGATIVE_INFINITY : random.nextInt(6) - 3 + rest;
            }
            float[] dense = new float[ITEMS];
            Arrays.fill(dense, rest);
            for (int k = 0; k < items.length; k++) {
                dense[items[k]] = values[k];
            }
            UserHistory history = history(random);
            int depth = 1 + random.nextInt(ITEMS + 10);

            Retrieval sparse = SparseRetrieval.of(ITEMS, items, values.clone(), rest, history, depth);
            Retrieval expected = DenseRetrieval.of(dense.clone(), history, depth);

            assertSame(round, history, sparse, expected);
        }
    }

    @Test
    void staticScoresAnswerAsTheirFullVector() {
        SplittableRandom random = new SplittableRandom(12);
        for (int round = 0; round < 100; round++) {
            float[] scores = new float[ITEMS];
            for (int item = 0; item < ITEMS; item++) {
                scores[item] = random.nextInt(20) == 0 ? Float.NEGATIVE_INFINITY : random.nextInt(30) / 7f;
            }
            StaticScores ranked = StaticScores.of(scores);
            UserHistory history = history(random);
            int depth = 1 + random.nextInt(ITEMS + 10);

            assertSame(round, history, ranked.retrieve(history, depth), DenseRetrieval.of(scores.clone(), history, depth));
        }
    }

    private static UserHistory history(SplittableRandom random) {
        int[] had = IntStream.generate(() -> random.nextInt(ITEMS)).limit(random.nextInt(40)).distinct().sorted()
                .toArray();
        return new UserHistory(had, new float[had.length], new long[had.length]);
    }

    private static void assertSame(int round, UserHistory history, Retrieval actual, Retrieval expected) {
        // Scores asked for in one pass over unseen items (a sorted sample with repeats) are the item-by-item ones.
        int[] asked = IntStream.range(0, ITEMS * 2).map(k -> k / 2).filter(item -> item % 3 != 1)
                .filter(item -> Arrays.binarySearch(history.items(), item) < 0).toArray();
        float[] batch = new float[asked.length];
        actual.scores(asked, batch);
        for (int k = 0; k < asked.length; k++) {
            assertThat(batch[k]).as("round %d batch item %d", round, asked[k]).isEqualTo(expected.score(asked[k]));
        }
        assertThat(actual.top()).as("round %d top", round).containsExactly(expected.top());
        assertThat(actual.mean()).as("round %d mean", round).isCloseTo(expected.mean(), within(1e-4f));
        assertThat(actual.deviation()).as("round %d deviation", round).isCloseTo(expected.deviation(), within(1e-4f));
        for (int item = 0; item < ITEMS; item++) {
            if (Arrays.binarySearch(history.items(), item) < 0) {
                assertThat(actual.score(item)).as("round %d item %d", round, item).isEqualTo(expected.score(item));
            }
        }
    }
}
