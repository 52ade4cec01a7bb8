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
        int[][] tops = new int[r][];
        float[] best = new float[r];
        float[] mean = new float[r];
        float[] deviation = new float[r];
        int[] union = new int[Math.min(n, r * perRetriever)];
        // The union's members, by open addressing (item + 1; 0 is an empty slot), at most half full.
        int[] members = new int[Integer.highestOneBit(Math.max(4, union.length * 2) - 1) << 1];
        int mask = members.length - 1;
        int size = 0;
        int[] had = history.items();
        for (int m = 0; m < r; m++) {
            float[] s = new float[n];
            models.get(m).score(history, s);
            standardise(s, had, m, mean, deviation);
            for (int item : had) {
                s[item] = Float.NEGATIVE_INFINITY;
            }
            int[] top = TopItems.select(s, rankDepth);
            scores[m] = s;
            tops[m] = top;
            best[m] = top.length == 0 ? 0f : s[top[0]];
            for (int p = 0; p < Math.min(perRetriever, top.length); p++) {
                int item = top[p];
                int slot = (item * 0x9E3779B9 >>> 7) & mask;
                while (members[slot] != 0 && members[slot] != item + 1) {
                    slot = (slot + 1) & mask;
                }
                if (members[slot] == 0) {
                    members[slot] = item + 1;
                    union[size++] = item;
                }
            }
        }
        return new UserCandidates(history, Arrays.copyOf(union, size), scores, tops, perRetriever, farRank(),
                best, mean, deviation);
    }

    /**
     * The mean and standard deviation of retriever {@code m}'s scores {@code s} over the items not in the history
     * ({@code had}, distinct) and not scored {@code -Infinity}: summed over every item with four running sums (no
     * branch, no chain of dependent additions), less the history's own scores.
     */
    private static void standardise(float[] s, int[] had, int m, float[] mean, float[] deviation) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        double sq0 = 0;
        double sq1 = 0;
        double sq2 = 0;
        double sq3 = 0;
        int n = s.length;
        int item = 0;
        for (; item + 3 < n; item += 4) {
            double a = s[item];
            double b = s[item + 1];
            double c = s[item + 2];
            double d = s[item + 3];
            sum0 += a;
            sum1 += b;
            sum2 += c;
            sum3 += d;
            sq0 += a * a;
            sq1 += b * b;
            sq2 += c * c;
            sq3 += d * d;
        }
        for (; item < n; item++) {
            double a = s[item];
            sum0 += a;
            sq0 += a * a;
        }
        double sum = (sum0 + sum1) + (sum2 + sum3);
        double squares = (sq0 + sq1) + (sq2 + sq3);
        int unseen = n;
        if (Double.isFinite(sum) && Double.isFinite(squares)) {
            for (int seen : had) {
                double value = s[seen];
                sum -= value;
                squares -= value * value;
                unseen--;
            }
        } else {
            // A retriever scored some items -Infinity (or beyond float range): count only the finite scores.
            sum = 0;
            squares = 0;
            unseen = 0;
            boolean[] inHistory = new boolean[n];
            for (int seen : had) {
                inHistory[seen] = true;
            }
            for (int i = 0; i < n; i++) {
                float value = s[i];
                if (!inHistory[i] && value != Float.NEGATIVE_INFINITY) {
                    sum += value;
                    squares += (double) value * value;
                    unseen++;
                }
            }
        }
        if (unseen > 0) {
            double average = sum / unseen;
            mean[m] = (float) average;
            deviation[m] = (float) Math.sqrt(Math.max(squares / unseen - average * average, 0));
        }
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
