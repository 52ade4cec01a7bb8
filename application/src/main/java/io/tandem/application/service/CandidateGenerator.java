package io.tandem.application.service;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.TopItems;
import io.tandem.domain.retrieval.UserHistory;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The first stage: the union of every retriever's top {@code perRetriever} unseen items for a user, in retriever
 * order and without repeats, with the scores and ranks the ranking features need. Thread-safe.
 */
final class CandidateGenerator {

    /** Ranks deeper than this many times the per-retriever list are reported as one "far down" value. */
    private static final int RANK_DEPTH_FACTOR = 4;

    private final List<RetrievalModel> models;
    private final int itemCount;
    private final int perRetriever;
    private final int rankDepth;

    CandidateGenerator(List<RetrievalModel> models, int itemCount, int perRetriever) {
        this.models = List.copyOf(models);
        this.itemCount = itemCount;
        this.perRetriever = perRetriever;
        this.rankDepth = perRetriever * RANK_DEPTH_FACTOR;
        for (RetrievalModel model : models) {
            if (model.itemCount() != itemCount) {
                throw new InvalidFieldException("retriever", "scores " + model.itemCount() + " items, the data has "
                        + itemCount);
            }
        }
    }

    int itemCount() {
        return itemCount;
    }

    int perRetriever() {
        return perRetriever;
    }

    List<RetrievalModel> models() {
        return models;
    }

    /** The rank given to items beyond the ranked depth. */
    int farRank() {
        return rankDepth + 1;
    }

    /** The candidates of a user with {@code history}; the history's items are never candidates. */
    UserCandidates candidates(UserHistory history) {
        int n = itemCount;
        int r = models.size();
        float[][] scores = new float[r][];
        int[][] ranks = new int[r][];
        float[] best = new float[r];
        float[] mean = new float[r];
        float[] deviation = new float[r];
        int[] sources = new int[n];
        boolean[] chosen = new boolean[n];
        int[] union = new int[Math.min(n, r * perRetriever)];
        int size = 0;
        int[] had = history.items();
        for (int m = 0; m < r; m++) {
            float[] s = new float[n];
            models.get(m).score(history, s);
            for (int item : had) {
                s[item] = Float.NEGATIVE_INFINITY;
            }
            int[] top = TopItems.select(s, rankDepth);
            int[] rank = new int[n];
            Arrays.fill(rank, farRank());
            for (int p = 0; p < top.length; p++) {
                rank[top[p]] = p + 1;
            }
            scores[m] = s;
            ranks[m] = rank;
            best[m] = top.length == 0 ? 0f : s[top[0]];
            double sum = 0;
            double squares = 0;
            int unseen = 0;
            for (float value : s) {
                if (value != Float.NEGATIVE_INFINITY) {
                    sum += value;
                    squares += (double) value * value;
                    unseen++;
                }
            }
            if (unseen > 0) {
                double average = sum / unseen;
                mean[m] = (float) average;
                deviation[m] = (float) Math.sqrt(Math.max(squares / unseen - average * average, 0));
            }
            for (int p = 0; p < Math.min(perRetriever, top.length); p++) {
                int item = top[p];
                sources[item]++;
                if (!chosen[item]) {
                    chosen[item] = true;
                    union[size++] = item;
                }
            }
        }
        return new UserCandidates(history, Arrays.copyOf(union, size), scores, ranks, best, mean, deviation, sources);
    }

    /**
     * {@code count} of the user's unseen items drawn with {@code random}, none of them already {@code taken}: the
     * part of a training group that shows the ranker lower-ranked candidates and items no retriever proposed.
     */
    int[] randomItems(UserCandidates candidates, int[] taken, int count, SplittableRandom random) {
        int n = itemCount;
        int[] chosen = new int[count];
        int size = 0;
        boolean[] used = new boolean[n];
        for (int item : taken) {
            used[item] = true;
        }
        // Bounded attempts: a user who has seen nearly everything simply gets fewer random items.
        for (int attempt = 0; attempt < count * 20 && size < count; attempt++) {
            int item = random.nextInt(n);
            if (!used[item] && !candidates.isSeen(item)) {
                used[item] = true;
                chosen[size++] = item;
            }
        }
        return Arrays.copyOf(chosen, size);
    }
}
