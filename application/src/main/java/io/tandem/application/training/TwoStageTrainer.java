package io.tandem.application.training;

import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.jobs.JobStage;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.evaluation.Split;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ItemStats;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Trains the second stage. The training interactions are split once more by each holdout split; retrievers
 * trained on the kept part propose candidates for each user, and a query group per user holds the best-ranked
 * candidates plus a few random unseen items, labelled 1 when the user went on to interact with them in the
 * held-out part (retrieved-but-not-chosen items are the negatives). The ranker learns from those groups;
 * {@link #assemble} then joins it with retrievers trained on all the training data, so no test interaction
 * reaches either stage.
 */
public final class TwoStageTrainer {

    private final List<Retriever> retrievers;
    private final TrainRankerPort trainRanker;
    private final TwoStageSettings settings;

    public TwoStageTrainer(List<Retriever> retrievers, TrainRankerPort trainRanker, TwoStageSettings settings) {
        this.retrievers = List.copyOf(Objects.requireNonNull(retrievers, "retrievers"));
        this.trainRanker = Objects.requireNonNull(trainRanker, "trainRanker");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (retrievers.isEmpty()) {
            throw new InvalidFieldException("retrievers", "the two-stage system needs at least one retriever");
        }
        if (retrievers.stream().map(Retriever::name).distinct().count() != retrievers.size()) {
            throw new InvalidFieldException("retrievers", "names must be unique");
        }
    }

    /** The retrievers in candidate order. */
    public List<Retriever> retrievers() {
        return retrievers;
    }

    /** The retrievers' names in candidate order, which name their features. */
    public List<String> retrieverNames() {
        return retrievers.stream().map(Retriever::name).toList();
    }

    /** The schema of the ranker's feature vectors, to store with a trained ranker. */
    public FeatureSchema schema() {
        return RankingFeatures.schemaFor(retrieverNames());
    }

    /**
     * Learns the ranker from {@code train} alone, as described on the class; each split of {@code holdouts}
     * contributes its own groups (retrievers are trained once per split, without that split's held-out part).
     * With several {@link TwoStageSettings#bags() bags}, one ranker per bag learns from the same groups with a
     * different share kept apart for early stopping and its own seed, and the ranker returned averages them.
     */
    public TreeEnsemble trainRanker(InteractionLog train, ItemFacets items, List<Split> holdouts) {
        return trainRanker(train, items, holdouts, new JobStage(TrainModelsCommand.SILENT, "training the ranker", 0, 1));
    }

    /** As {@link #trainRanker(InteractionLog, ItemFacets, List)}, reporting each split and bag in {@code stage}. */
    public TreeEnsemble trainRanker(InteractionLog train, ItemFacets items, List<Split> holdouts, JobStage stage) {
        return trainRanker(train, items, holdouts, List.of(), stage);
    }

    /**
     * As {@link #trainRanker(InteractionLog, ItemFacets, List, JobStage)}, with {@code trained} splits whose
     * retrievers were already trained on their kept part (in this trainer's order) labelling groups as well,
     * without training the retrievers again: each costs only its groups.
     */
    public TreeEnsemble trainRanker(InteractionLog train, ItemFacets items, List<Split> holdouts,
                                    List<TrainedSplit> trained, JobStage stage) {
        int splits = holdouts.size() + trained.size();
        if (splits == 0) {
            throw new InvalidFieldException("holdouts", "at least one split is needed");
        }
        // The splits' retrievers and groups take about two thirds of the time, the bags the rest.
        double splitsShare = 2.0 / 3;
        List<Group> all = new ArrayList<>();
        // Each split may use an equal share of the rows still left: a split with fewer users than its share leaves
        // the rest to the splits after it.
        long rowsLeft = settings.maxRankerRows();
        for (int s = 0; s < splits; s++) {
            boolean shared = s < trained.size();
            long share = rowsLeft / (splits - s);
            Group[] built = shared ? groups(trained.get(s), items, share)
                    : groups(holdouts.get(s - trained.size()).split(train), items, share);
            rowsLeft -= built.length * rowsPerGroup();
            all.addAll(Arrays.asList(built));
            stage.report(splitsShare * (s + 1) / splits, String.format(Locale.ROOT,
                    "split %d of %d: %s and labelled groups built", s + 1, splits,
                    shared ? "retrievers shared" : "retrievers trained"));
        }
        FeatureSchema schema = schema();
        List<TreeEnsemble> bagged = new ArrayList<>();
        for (int bag = 0; bag < settings.bags(); bag++) {
            // Bag 0 draws exactly as a single ranker does, so one bag is the unbagged ranker.
            long seed = settings.seed() + bag * 0x9E3779B97F4A7C15L;
            SplittableRandom random = new SplittableRandom(seed);
            List<Group> training = new ArrayList<>();
            List<Group> validation = new ArrayList<>();
            for (Group group : all) {
                boolean validate = random.nextDouble() < settings.validationShare();
                if (group.size() > 0) {
                    (validate ? validation : training).add(group);
                }
            }
            if (training.isEmpty()) {
                throw new InvalidFieldException("train", "no user has a held-out item among the candidates; "
                        + "the ranker cannot learn");
            }
            TreeEnsemble member = trainRanker.train(dataset(schema, training), dataset(schema, validation),
                    settings.rankerOfBag(bag));
            bagged.add(member);
            // Serving walks every kept tree for every candidate, so the count is the ranker's cost (ADR-0038).
            stage.report(splitsShare + (1 - splitsShare) * (bag + 1) / settings.bags(), String.format(Locale.ROOT,
                    "ranker %d of %d trained on %,d groups, %d trees kept", bag + 1, settings.bags(),
                    training.size(), member.trees().size()));
        }
        return TreeEnsemble.average(bagged);
    }

    /**
     * The labelled groups of one holdout split, one per sampled user (empty for users without positives), within
     * {@code rowShare} rows.
     */
    private Group[] groups(Fold inner, ItemFacets items, long rowShare) {
        InteractionMatrix fit = InteractionMatrix.of(inner.train());
        List<RetrievalModel> models = new ArrayList<>();
        for (Retriever retriever : retrievers) {
            models.add(retriever.trainer().train(fit, items));
        }
        return groups(inner, fit, models, items, rowShare);
    }

    /** As {@link #groups(Fold, ItemFacets, long)} with the split's retrievers already trained. */
    private Group[] groups(TrainedSplit split, ItemFacets items, long rowShare) {
        if (split.models().size() != retrievers.size()) {
            throw new InvalidFieldException("trained", "expected one model per retriever (" + retrievers.size() + ")");
        }
        Fold inner = split.fold();
        return groups(inner, InteractionMatrix.of(inner.train()), split.models(), items, rowShare);
    }

    private Group[] groups(Fold inner, InteractionMatrix fit, List<RetrievalModel> models, ItemFacets items,
                           long rowShare) {
        InteractionMatrix held = InteractionMatrix.of(inner.test());
        CandidateGenerator generator = new CandidateGenerator(models, fit.itemCount(), settings.candidatesPerRetriever());
        RankingFeatures features = new RankingFeatures(retrieverNames(), ItemStats.of(fit), items, models);
        int[] users = sampledUsers(fit, held, rowShare);
        Group[] groups = new Group[users.length];
        IntStream.range(0, users.length).parallel()
                .forEach(g -> groups[g] = group(users[g], fit, generator, features, held));
        return groups;
    }

    /** The two-stage system over retrievers already trained on {@code matrix} (in this trainer's order). */
    public RetrievalModel assemble(InteractionMatrix matrix, ItemFacets items, List<RetrievalModel> models,
                                   TreeEnsemble ranker) {
        if (models.size() != retrievers.size()) {
            throw new InvalidFieldException("models", "expected one model per retriever (" + retrievers.size() + ")");
        }
        return TwoStageRecommender.withTrees(
                new CandidateGenerator(models, matrix.itemCount(), settings.candidatesPerRetriever()),
                new RankingFeatures(retrieverNames(), ItemStats.of(matrix), items, models), ranker);
    }

    /**
     * The users that form groups: those with history and held-out items, sampled (seeded) when their groups could
     * exceed {@code rowShare}, this split's share of {@link TwoStageSettings#maxRankerRows()}.
     */
    private int[] sampledUsers(InteractionMatrix fit, InteractionMatrix held, long rowShare) {
        int[] eligible = IntStream.range(0, fit.userCount())
                .filter(user -> fit.rowLength(user) > 0 && held.rowLength(user) > 0)
                .toArray();
        int allowed = (int) Math.min(eligible.length, rowShare / rowsPerGroup());
        if (allowed >= eligible.length) {
            return eligible;
        }
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        for (int p = eligible.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int swap = eligible[p];
            eligible[p] = eligible[q];
            eligible[q] = swap;
        }
        int[] kept = Arrays.copyOf(eligible, allowed);
        Arrays.sort(kept);
        return kept;
    }

    private Group group(int user, InteractionMatrix fit, CandidateGenerator generator, RankingFeatures features,
                        InteractionMatrix held) {
        UserCandidates found = generator.candidates(UserHistory.of(fit, user));
        int[] candidates = found.items();
        long[] byRank = new long[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            // Best (lowest) rank over the retrievers first, item index to break ties.
            byRank[c] = ((long) bestRank(found, candidates[c]) << 32) | candidates[c];
        }
        Arrays.sort(byRank);
        int top = Math.min(settings.topCandidates(), byRank.length);
        int[] window = new int[top];
        for (int c = 0; c < top; c++) {
            window[c] = (int) byRank[c];
        }
        // A random stream per user, so groups do not depend on which thread builds them.
        SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + user);
        int[] extra = generator.randomItems(found, window, settings.randomItems(), random);
        int[] items = Arrays.copyOf(window, top + extra.length);
        System.arraycopy(extra, 0, items, top, extra.length);
        // Shuffled, because ranking metrics break ties by row order: a constant model must not look good to
        // early stopping because of the order rows were added in.
        for (int p = items.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int item = items[p];
            items[p] = items[q];
            items[q] = item;
        }
        float[] labels = new float[items.length];
        boolean positive = false;
        for (int row = 0; row < items.length; row++) {
            if (held.contains(user, items[row])) {
                labels[row] = 1f;
                positive = true;
            }
        }
        if (!positive) {
            return Group.EMPTY;
        }
        float[] rows = new float[items.length * features.schema().size()];
        features.write(found, items, rows, 0);
        return new Group(rows, labels);
    }

    /** The rows a group holds at most: the best-ranked candidates and the random items. */
    private long rowsPerGroup() {
        return Math.max(1L, (long) settings.topCandidates() + settings.randomItems());
    }

    private static int bestRank(UserCandidates found, int item) {
        int best = Integer.MAX_VALUE;
        for (int m = 0; m < found.retrievers(); m++) {
            best = Math.min(best, found.rank(m, item));
        }
        return best;
    }

    private static RankingDataset dataset(FeatureSchema schema, List<Group> groups) {
        int rows = groups.stream().mapToInt(Group::size).sum();
        float[] features = new float[rows * schema.size()];
        float[] labels = new float[rows];
        int[] sizes = new int[groups.size()];
        int row = 0;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            System.arraycopy(group.features, 0, features, row * schema.size(), group.features.length);
            System.arraycopy(group.labels, 0, labels, row, group.labels.length);
            sizes[g] = group.size();
            row += group.size();
        }
        return new RankingDataset(schema, features, labels, sizes);
    }

    /** One user's labelled rows. */
    private record Group(float[] features, float[] labels) {

        static final Group EMPTY = new Group(new float[0], new float[0]);

        int size() {
            return labels.length;
        }
    }
}
