package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The first stage: the union of every retriever's top {@code perRetriever} unseen items for a user, in retriever
 * order and without repeats, with the scores and ranks the ranking features need. Thread-safe.
 * <p>
 * With a {@code target} (a number of candidates to rank), the union is taken round-robin over the lists' positions
 * (every retriever's first item, then every second, ...) until it holds {@code target} distinct items or the lists
 * run out: overlapping lists then still give {@code target} candidates. The lists are first retrieved as deep as
 * the ranks the features read, and as deep as the target only when that did not fill the union: four lists of
 * that depth usually do, and a shallower list costs less (the iALS scan by vector length stops sooner). The features stay as trained: {@code perRetriever} still says which items a retriever proposed, and
 * ranks deeper than the trained ranked depth still read as "far down".
 */
public final class CandidateGenerator {

    /** Ranks deeper than this many times the per-retriever list are reported as one "far down" value. */
    private static final int RANK_DEPTH_FACTOR = 4;

    private final List<RetrievalModel> models;
    private final int itemCount;
    private final int perRetriever;
    private final int rankDepth;
    /** Candidates wanted per user, 0 for the union of the top {@code perRetriever} lists. */
    private final int target;

    public CandidateGenerator(List<RetrievalModel> models, int itemCount, int perRetriever) {
        this(models, itemCount, perRetriever, 0);
    }

    /** As {@link #CandidateGenerator(List, int, int)}, aiming at {@code target} distinct candidates (0: no aim). */
    public CandidateGenerator(List<RetrievalModel> models, int itemCount, int perRetriever, int target) {
        if (target < 0) {
            throw new InvalidFieldException("target", "must not be negative");
        }
        this.target = target;
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

    /** The number of candidates aimed at, 0 when the union of the top {@code perRetriever} lists is taken. */
    public int target() {
        return target;
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
        int[][] tops = new int[r][];
        float[] best = new float[r];
        int[] union = new int[Math.min(n, target > 0 ? target : r * perRetriever)];
        // The union's members, by open addressing (item + 1; 0 is an empty slot), at most half full.
        int[] members = new int[Integer.highestOneBit(Math.max(4, union.length * 2) - 1) << 1];
        int mask = members.length - 1;
        int size = 0;
        for (int m = 0; m < r; m++) {
            Retrieval retrieval = models.get(m).retrieve(history, rankDepth, reuse == null ? null : reuse[m]);
            int[] top = retrieval.top();
            retrievals[m] = retrieval;
            tops[m] = top;
            best[m] = top.length == 0 ? 0f : retrieval.score(top[0]);
            if (target == 0) {
                for (int p = 0; p < Math.min(perRetriever, top.length); p++) {
                    size = add(top[p], members, mask, union, size);
                }
            }
        }
        if (target > 0) {
            size = roundRobin(tops, 0, rankDepth, members, mask, union, size);
            int depth = rankDepth;
            int deepest = Math.max(rankDepth, target);
            while (size < union.length && depth < deepest) {
                // The ranked depth did not give the target: the lists that were full go deeper, about as deep as
                // the union's growth so far says the rest needs, else to the target. A deeper list starts with the
                // shallower one (one order, ties to the lower index), so the union goes on from where it stopped,
                // and the ranks it reads are the same (deeper ones read as far down).
                int deeper = size == 0 ? deepest : (int) Math.min(deepest,
                        depth + (long) (union.length - size) * depth * 5 / (4L * size) + 16);
                boolean deepened = false;
                for (int m = 0; m < r; m++) {
                    if (tops[m].length == depth) {
                        retrievals[m] = models.get(m).retrieve(history, deeper, reuse == null ? null : reuse[m]);
                        tops[m] = retrievals[m].top();
                        deepened = true;
                    }
                }
                if (!deepened) {
                    break;
                }
                size = roundRobin(tops, depth, deeper, members, mask, union, size);
                depth = deeper;
            }
        }
        return new UserCandidates(history, Arrays.copyOf(union, size), retrievals, perRetriever, farRank(), best,
                reuse);
    }

    /**
     * Takes the lists' items round-robin over positions {@code from} to {@code to} (every list's item at one
     * position, then the next position) into the union until it is full; returns the union's new size.
     */
    private static int roundRobin(int[][] tops, int from, int to, int[] members, int mask, int[] union, int size) {
        boolean more = true;
        for (int p = from; more && p < to && size < union.length; p++) {
            more = false;
            for (int m = 0; m < tops.length && size < union.length; m++) {
                if (p < tops[m].length) {
                    more = true;
                    size = add(tops[m][p], members, mask, union, size);
                }
            }
        }
        return size;
    }

    /** Adds {@code item} to the union unless it is a member already; returns the union's new size. */
    private static int add(int item, int[] members, int mask, int[] union, int size) {
        int slot = (item * 0x9E3779B9 >>> 7) & mask;
        while (members[slot] != 0 && members[slot] != item + 1) {
            slot = (slot + 1) & mask;
        }
        if (members[slot] != 0) {
            return size;
        }
        members[slot] = item + 1;
        union[size] = item;
        return size + 1;
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
