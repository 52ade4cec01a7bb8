package io.tandem.application.training;

import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.domain.evaluation.RandomSplit;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.evaluation.TemporalSplit;
import io.tandem.domain.retrieval.InteractionLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The splits whose held-out parts label the ranker's groups: the one definition the train job
 * ({@link TrainModelsService}) and {@code tandem evaluate}
 * ({@link io.tandem.application.evaluation.EvaluateRecommendersService}) both use, whatever the evaluation protocol, so
 * that the offline figure measures the ranker that serves.
 *
 * <p>Each user's latest 10 % and latest 30 % (what comes next) and three random fifths drawn from the seed (what is
 * missing). A ranker taught only what comes next learns that closeness in time predicts it and ranks a random fold's
 * missing items poorly; one taught only what is missing loses what time tells about the future. Chosen among seven
 * mixes on MovieLens 100K u1 and the temporal protocol (docs/benchmarks.md, "Served quality"): this one keeps u1 at
 * 0.98 of the random-only ranker and the temporal protocol at 0.96 of the latest-only one, 13 % above the best
 * single retriever there.
 *
 * <p>When time has too little spread to cut the interactions (every one in the same second, as in Last.fm, or the
 * latest shares starting in the first second), "latest" would only mean the order the events were stored in: the
 * temporal splits are left out and the random ones label the ranker alone.
 *
 * <p>On a large lake ({@link #atScale}) the ranker learns from one split of each kind, the latest 10 % and the
 * first random fifth, with the same rows: every split trains the four retrievers again (EASE inverts a 5,000-item
 * matrix each time), which was two thirds of a run on a million events, while the rows are capped by
 * {@link TwoStageSettings#maxRankerRows()} either way, so fewer splits only means more users per split
 * (ADR-0033).
 */
public final class RankerHoldouts {

    /** The share of each user's interactions one random hold-out labels, as evaluate's random protocol cuts. */
    public static final double RANDOM_SHARE = 0.2;
    /** The latest shares of each user's interactions that label temporal groups, when time can cut them. */
    static final List<Double> LATEST_SHARES = List.of(0.1, 0.3);
    /** Random splits, seeded {@code seed + 1} to {@code seed + RANDOM_SPLITS}. */
    static final int RANDOM_SPLITS = 3;

    private RankerHoldouts() {
    }

    /**
     * The ranker's hold-out splits for a ranker that learns from {@code interactions} with {@code settings}: every
     * split of {@link #of(InteractionLog, long)}, or one of each kind {@link #atScale at scale}.
     */
    public static List<Split> of(InteractionLog interactions, long seed, TwoStageSettings settings) {
        List<Split> all = of(interactions, seed);
        if (!atScale(interactions, all.size(), settings)) {
            return all;
        }
        List<Split> first = new ArrayList<>();
        all.stream().filter(TemporalSplit.class::isInstance).findFirst().ifPresent(first::add);
        all.stream().filter(RandomSplit.class::isInstance).findFirst().ifPresent(first::add);
        return List.copyOf(first);
    }

    /**
     * Whether {@code splits} splits would give the ranker more rows than {@link TwoStageSettings#maxRankerRows()}
     * if every user who can be both trained on and held out (two interactions or more) formed a group in each: then
     * the groups' users are sampled whatever the number of splits, and each split saved is a training of the
     * retrievers saved.
     */
    public static boolean atScale(InteractionLog interactions, int splits, TwoStageSettings settings) {
        int[] counts = new int[interactions.userCount()];
        long users = 0;
        for (int user : interactions.users()) {
            if (++counts[user] == 2) {
                users++;
            }
        }
        long rowsPerGroup = (long) settings.topCandidates() + settings.randomItems();
        return users * splits * rowsPerGroup > settings.maxRankerRows();
    }

    /** Every ranker hold-out split for {@code interactions}, seeded by {@code seed}, whatever the lake's size. */
    public static List<Split> of(InteractionLog interactions, long seed) {
        List<Split> splits = new ArrayList<>();
        if (timeHasSpread(interactions)) {
            LATEST_SHARES.forEach(share -> splits.add(new TemporalSplit(share)));
        }
        for (int r = 1; r <= RANDOM_SPLITS; r++) {
            splits.add(new RandomSplit(RANDOM_SHARE, seed + r));
        }
        return List.copyOf(splits);
    }

    /**
     * Whether an instant can cut off the deepest latest share of {@code interactions}, as the train job's own
     * hold-out is cut ({@link TimeCut}): if not, the latest interactions are the latest only in storage order.
     */
    static boolean timeHasSpread(InteractionLog interactions) {
        if (interactions.size() < 2) {
            return false;
        }
        double deepest = LATEST_SHARES.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return !TimeCut.of(interactions, HoldOutWindow.latestShare(deepest)).byOrder();
    }
}
