package io.tandem.domain.retrieval;

import java.util.Arrays;
import java.util.Optional;

/**
 * One user's candidates with what every retriever said about every item: each retriever's {@link Retrieval} (the
 * score of any item, its ranked top list, the mean and standard deviation of its scores over unseen items), its
 * best score, and ranks for the ranked lists only (deeper ranks read as one "far down" value). Items in the
 * history are seen: they score {@code -Infinity} here whatever a retriever says. Made by {@link CandidateGenerator};
 * the arrays it hands out are its own, for reading only, because the request path reads them for every candidate.
 */
public final class UserCandidates {

    private final UserHistory history;
    private final int[] items;
    private final float[] best;
    private final float[] mean;
    private final float[] deviation;
    private final Retrieval[] retrievals;
    private final RankTable[] ranks;
    private final int perRetriever;
    private final int farRank;
    /** The vectors lent to the dense retrievers, to be handed back once the request is done; may be null. */
    private final float[][] lent;

    UserCandidates(UserHistory history, int[] items, Retrieval[] retrievals, int perRetriever, int farRank,
                   float[] best, float[][] lent) {
        this.history = history;
        this.items = items;
        this.retrievals = retrievals;
        this.best = best;
        this.perRetriever = perRetriever;
        this.farRank = farRank;
        this.lent = lent;
        this.mean = new float[retrievals.length];
        this.deviation = new float[retrievals.length];
        this.ranks = new RankTable[retrievals.length];
        for (int m = 0; m < retrievals.length; m++) {
            mean[m] = retrievals[m].mean();
            deviation[m] = retrievals[m].deviation();
            ranks[m] = new RankTable(retrievals[m].top());
        }
    }

    /** The history the candidates were retrieved for. */
    public UserHistory history() {
        return history;
    }

    /** The candidates: the union of the retrievers' top lists, in retriever order, without repeats. */
    public int[] items() {
        return items;
    }

    /** Retriever {@code m}'s best score for this user (its first ranked item's), 0 when it ranked nothing. */
    public float best(int m) {
        return best[m];
    }

    /** The mean of retriever {@code m}'s scores over the user's unseen items. */
    public float mean(int m) {
        return mean[m];
    }

    /** The standard deviation of retriever {@code m}'s scores over the user's unseen items; 0 when all are equal. */
    public float deviation(int m) {
        return deviation[m];
    }

    /**
     * The score vectors the generator lent to the retrievers that score every item, for the caller to reuse once
     * nothing reads these candidates any more; empty when none were lent.
     */
    public Optional<float[][]> lentVectors() {
        return Optional.ofNullable(lent);
    }

    /** How many retrievers proposed candidates, in the order their features and sources are named. */
    public int retrievers() {
        return retrievals.length;
    }

    /** Retriever {@code m}'s score of {@code item}; {@code -Infinity} for the history's items. */
    public float score(int m, int item) {
        return isSeen(item) ? Float.NEGATIVE_INFINITY : retrievals[m].score(item);
    }

    /** Retriever {@code m}'s rank of {@code item} (1 = its best), or the "far down" rank below its ranked list. */
    public int rank(int m, int item) {
        return rankAt(listed(m, item));
    }

    /** True when retriever {@code m} put {@code item} in its top list, the part that proposes candidates. */
    public boolean proposedBy(int m, int item) {
        return proposes(listed(m, item));
    }

    /**
     * Where retriever {@code m}'s ranked list holds {@code item}: 1 for its best, 0 when the list does not hold
     * it. One lookup that {@link #rankAt} and {@link #proposes} both read, for callers that need both.
     */
    public int listed(int m, int item) {
        return ranks[m].rankOf(item);
    }

    /** The rank feature of a list position from {@link #listed}: as {@link #rank(int, int)} reads it. */
    public int rankAt(int listed) {
        // A list retrieved deeper than the trained depth (a candidate target) still reads as "far down" there.
        return listed == 0 || listed > farRank ? farRank : listed;
    }

    /** True when a list position from {@link #listed} is in the part that proposes candidates. */
    public boolean proposes(int listed) {
        return listed > 0 && listed <= perRetriever;
    }

    /**
     * Retriever {@code m}'s score of an item the caller knows is not in the history ({@link #isSeen} false): what
     * {@link #score} answers, without looking the item up in the history again for every retriever.
     */
    public float scoreOfUnseen(int m, int item) {
        return retrievals[m].score(item);
    }

    /**
     * {@link #scoreOfUnseen} of each of {@code ascending} (in ascending order) into {@code out} at the same
     * position, in one pass per retriever; what a history item gets is unspecified.
     */
    public void scoresOfUnseen(int m, int[] ascending, float[] out) {
        retrievals[m].scores(ascending, out);
    }

    /** How many retrievers put {@code item} in their top list. */
    public int sources(int item) {
        int count = 0;
        for (int m = 0; m < ranks.length; m++) {
            if (proposedBy(m, item)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Retriever {@code m}'s score of {@code item} standardised over the user's unseen items: comparable across
     * retrievers and across models trained on more or less data, unlike raw scores.
     */
    public float standardised(int m, int item) {
        return standardisedScore(m, score(m, item));
    }

    /** A score of retriever {@code m} standardised as {@link #standardised(int, int)} does. */
    public float standardisedScore(int m, float score) {
        return deviation[m] > 0 ? (score - mean[m]) / deviation[m] : 0f;
    }

    /** The sum of every retriever's standardised score of {@code item}: a simple fusion the ranker can refine. */
    public float fused(int item) {
        float sum = 0;
        for (int m = 0; m < retrievals.length; m++) {
            sum += standardised(m, item);
        }
        return sum;
    }

    /**
     * {@link #fused} of every item into {@code out}, the history's items at {@code -Infinity} (when there is a
     * retriever): the same float operations per item, in bulk.
     */
    public void fusedAll(float[] out) {
        Arrays.fill(out, 0f);
        float[] scores = new float[out.length];
        for (int m = 0; m < retrievals.length; m++) {
            if (deviation[m] > 0) {
                retrievals[m].scoreAll(scores);
                float centre = mean[m];
                float spread = deviation[m];
                for (int item = 0; item < out.length; item++) {
                    out[item] += (scores[item] - centre) / spread;
                }
            }
        }
        if (retrievals.length > 0) {
            for (int seen : history.items()) {
                out[seen] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    /** True when {@code item} is in the user's history: never a candidate. */
    public boolean isSeen(int item) {
        return Arrays.binarySearch(history.items(), item) >= 0;
    }

    /** Item → rank of one ranked list: open addressing over a power-of-two table, rank 0 meaning "not ranked". */
    private static final class RankTable {

        private final int[] keys;
        private final int[] values;
        private final int mask;

        RankTable(int[] top) {
            int capacity = Integer.highestOneBit(Math.max(4, top.length * 2) - 1) << 1;
            keys = new int[capacity];
            values = new int[capacity];
            mask = capacity - 1;
            for (int p = 0; p < top.length; p++) {
                int slot = slot(top[p]);
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = top[p];
                values[slot] = p + 1;
            }
        }

        int rankOf(int item) {
            int slot = slot(item);
            while (values[slot] != 0) {
                if (keys[slot] == item) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            return 0;
        }

        private int slot(int item) {
            return (item * 0x9E3779B9 >>> 7) & mask;
        }
    }
}
