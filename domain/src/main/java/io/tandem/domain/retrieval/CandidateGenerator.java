package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The first stage: the union of every retriever's top {@code perRetriever} unseen items for a user, in retriever
 * order and without repeats, with the scores and ranks the ranking features need. Thread-safe.
 */
public final class CandidateGenerator {

    /** Ranks deeper than this many times the per-retriever list are reported as one "far down" value. */
    private static final int RANK_DEPTH_FACTOR = 4;

    private final List<RetrievalModel> models;
    private final int itemCount;
    private final int perRetriever;
    private final int rankDepth;

    public CandidateGenerator(List<RetrievalModel> models, int itemCount, int perRetriever) {
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

    public int itemCount() {
        return itemCount;
    }

    public int perRetriever() {
        return perRetriever;
    }

    public List<RetrievalModel> models() {
        return models;
    }

    /** The rank given to items beyond the ranked depth. */
    public int farRank() {
        return rankDepth + 1;
    }

    /** The candidates of a user with {@code history}; the history's items are never candidates. */
    public UserCandidates candidates(UserHistory history) {
        return retrieve(history, null);
    }

    /**
     * As {@link #candidates(UserHistory)}, lending {@code reuse} (one vector of {@link #itemCount()} per
     * retriever) to the retrievers that score every item instead of new vectors: a request then allocates little.
     */
    public UserCandidates candidates(UserHistory history, float[][] reuse) {
        return retrieve(history, Objects.requireNonNull(reuse, "reuse"));
    }

    private UserCandidates retrieve(UserHistory history, float[][] reuse) {
        int n = itemCount;
        int r = models.size();
        Retrieval[] retrievals = new Retrieval[r];
        float[] best = new float[r];
        int[] union = new int[Math.min(n, r * perRetriever)];
        // The union's members, by open addressing (item + 1; 0 is an empty slot), at most half full.
        int[] members = new int[Integer.highestOneBit(Math.max(4, union.length * 2) - 1) << 1];
        int mask = members.length - 1;
        int size = 0;
        for (int m = 0; m < r; m++) {
            Retrieval retrieval = models.get(m).retrieve(history, rankDepth, reuse == null ? null : reuse[m]);
            int[] top = retrieval.top();
            retrievals[m] = retrieval;
            best[m] = top.length == 0 ? 0f : retrieval.score(top[0]);
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
        return new UserCandidates(history, Arrays.copyOf(union, size), retrievals, perRetriever, farRank(), best,
                reuse);
    }

    /**
     * {@code count} of the user's unseen items drawn with {@code random}, none of them already {@code taken}: the
     * part of a training group that shows the ranker lower-ranked candidates and items no retriever proposed.
     */
    public int[] randomItems(UserCandidates candidates, int[] taken, int count, SplittableRandom random) {
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
