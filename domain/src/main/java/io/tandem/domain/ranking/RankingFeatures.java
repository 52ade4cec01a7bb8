package io.tandem.domain.ranking;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ranker's features of (user, item) pairs, built the same way for training groups and for scoring, from the
 * schema {@link #schemaFor}: each retriever's score, rank, score relative to its best and standardised score,
 * how many retrievers proposed the item and the sum of the standardised scores, item popularity, mean value, age and timing relative to the user, user activity, the user's
 * affinity to the item's categories and embedding similarities. Unknown values are NaN (trees route them).
 */
public final class RankingFeatures {

    public static final String VERSION = "two-stage-v1";

    private static final double SECONDS_PER_DAY = 86_400.0;

    private static final List<String> SHARED = List.of(
            "candidate.sources", "candidate.fused_z",
            "item.log_popularity", "item.mean_value", "item.age_days", "item.first_seen_days", "item.time_gap_days",
            "user.log_activity", "user.mean_value", "user.span_days",
            "user_category.max_share", "user_category.mean_share",
            "embedding.user_cosine", "embedding.history_cosine");

    private final FeatureSchema schema;
    private final int retrievers;
    private final ItemStats stats;
    private final ItemFacets facets;
    private final Optional<RetrievalModel> embedded;
    private final Optional<Embeddings> embeddings;
    /** What a row reads of its item, item by item ({@link ItemTable}), once per model instead of once per row. */
    private final double[] items;

    /**
     * @param retrieverNames the retrievers in candidate order, naming their features
     * @param stats          the item summaries of the interactions the models were trained on
     * @param models         the trained retrievers, in the same order; the first with embeddings gives the
     *                       similarity features
     */
    public RankingFeatures(List<String> retrieverNames, ItemStats stats, ItemFacets facets,
                           List<RetrievalModel> models) {
        this.schema = schemaFor(retrieverNames);
        this.retrievers = retrieverNames.size();
        this.stats = stats;
        this.facets = facets;
        this.embedded = models.stream().filter(model -> model.embeddings().isPresent()).findFirst();
        if (stats.itemCount() != facets.itemCount()) {
            throw new InvalidFieldException("itemStats", "cover " + stats.itemCount() + " items, the facets "
                    + facets.itemCount());
        }
        this.embeddings = embedded.flatMap(RetrievalModel::embeddings);
        this.items = ItemTable.of(stats, facets, embeddings);
    }

    public ItemStats stats() {
        return stats;
    }

    public ItemFacets facets() {
        return facets;
    }

    /** The schema of rankers over retrievers named {@code retrieverNames}, in candidate order. */
    public static FeatureSchema schemaFor(List<String> retrieverNames) {
        List<String> names = new ArrayList<>();
        for (String retriever : retrieverNames) {
            names.add(retriever + ".score");
            names.add(retriever + ".rank");
            names.add(retriever + ".score_ratio");
            names.add(retriever + ".z");
        }
        names.addAll(SHARED);
        return new FeatureSchema(VERSION, names);
    }

    public FeatureSchema schema() {
        return schema;
    }

    /** Writes one row per item of {@code items} into {@code out}, row-major from {@code offset}. */
    public void write(UserCandidates candidates, int[] items, float[] out, int offset) {
        UserHistory history = candidates.history();
        UserSummary user = UserSummary.of(history);
        int width = schema.size();
        float[] shares = categoryShares(history);
        float[] userVector = embedded.flatMap(model -> model.userVector(history)).orElse(null);
        float[] historyVector = embeddings.isPresent() ? historyVector(history, embeddings.get()) : null;
        double userSquares = userVector == null ? 0 : squares(userVector);
        double historySquares = historyVector == null ? 0 : squares(historyVector);
        float[] best = new float[retrievers];
        for (int m = 0; m < retrievers; m++) {
            best[m] = candidates.best(m);
        }
        double now = user.lastTime;
        boolean active = user.count > 0;
        float userActivity = (float) Math.log1p(user.count);
        float userMeanValue = active ? (float) user.meanValue : Float.NaN;
        float userSpan = active ? days((double) user.lastTime - user.firstTime) : Float.NaN;
        RetrieverScores scores = RetrieverScores.of(candidates, items);
        for (int row = 0; row < items.length; row++) {
            int item = items[row];
            int at = offset + row * width;
            // Each retriever's score read once, and its list position once for both the rank and the sources; the
            // fused value sums the standardised scores in retriever order, the float operations of
            // UserCandidates.fused.
            boolean seen = scores.seen(row);
            float fused = 0;
            int sources = 0;
            for (int m = 0; m < retrievers; m++) {
                float score = seen ? Float.NEGATIVE_INFINITY : scores.score(m, row);
                int listed = candidates.listed(m, item);
                float standardised = candidates.standardisedScore(m, score);
                fused += standardised;
                if (candidates.proposes(listed)) {
                    sources++;
                }
                out[at++] = score;
                out[at++] = candidates.rankAt(listed);
                out[at++] = best[m] > 0 ? score / best[m] : Float.NaN;
                out[at++] = standardised;
            }
            out[at++] = sources;
            out[at++] = fused;
            int own = item * ItemTable.STRIDE;
            double created = this.items[own + ItemTable.CREATED];
            double firstTime = this.items[own + ItemTable.FIRST_TIME];
            boolean known = !Double.isNaN(firstTime);
            out[at++] = (float) this.items[own + ItemTable.LOG_POPULARITY];
            out[at++] = (float) this.items[own + ItemTable.MEAN_VALUE];
            out[at++] = !Double.isNaN(created) && active ? days(now - created) : Float.NaN;
            out[at++] = known && active ? days(now - firstTime) : Float.NaN;
            out[at++] = known && active ? days(this.items[own + ItemTable.MEAN_TIME] - user.meanTime) : Float.NaN;
            out[at++] = userActivity;
            out[at++] = userMeanValue;
            out[at++] = userSpan;
            int categoryCount = (int) this.items[own + ItemTable.CATEGORY_COUNT];
            if (categoryCount == 0 || shares.length == 0) {
                out[at++] = Float.NaN;
                out[at++] = Float.NaN;
            } else {
                double inline = this.items[own + ItemTable.CATEGORIES];
                float max = 0;
                float sum = 0;
                for (int c = 0; c < categoryCount; c++) {
                    int category = Double.isNaN(inline) ? facets.categories()[item][c]
                            : (int) ((long) inline >>> (c * ItemTable.CATEGORY_BITS)) & ItemTable.CATEGORY_MASK;
                    max = Math.max(max, shares[category]);
                    sum += shares[category];
                }
                out[at++] = max;
                out[at++] = sum / categoryCount;
            }
            if (embeddings.isPresent()) {
                cosines(userVector, userSquares, historyVector, historySquares, embeddings.get(), item, out, at);
                at += 2;
            } else {
                out[at++] = Float.NaN;
                out[at++] = Float.NaN;
            }
            // A retriever may score extremes (a huge ratio overflows a float): unknown beats infinite for a ranker.
            for (int f = offset + row * width; f < at; f++) {
                if (Float.isInfinite(out[f])) {
                    out[f] = Float.NaN;
                }
            }
        }
    }

    /**
     * {@link Embeddings#cosineToItem} of the user vector and of the history vector (NaN without one) with every
     * squared length known, written to {@code out[at]} and {@code out[at + 1]}: each dot product is the same sum in
     * the same order, so the same value bit for bit; both run in one pass over the item's vector, two independent
     * chains of additions instead of one after the other.
     */
    private void cosines(float[] user, double userSquares, float[] mean, double meanSquares, Embeddings e, int item,
                         float[] out, int at) {
        int f = e.dimension();
        check(user, f);
        float[] vectors = e.items();
        int offset = item * f;
        double itemSquare = items[item * ItemTable.STRIDE + ItemTable.SQUARES];
        double userDot = 0;
        if (mean == null) {
            for (int d = 0; d < f; d++) {
                userDot += (double) user[d] * vectors[offset + d];
            }
            out[at + 1] = Float.NaN;
        } else {
            check(mean, f);
            double meanDot = 0;
            for (int d = 0; d < f; d++) {
                double y = vectors[offset + d];
                userDot += user[d] * y;
                meanDot += mean[d] * y;
            }
            out[at + 1] = (float) (meanSquares == 0 || itemSquare == 0 ? 0
                    : meanDot / Math.sqrt(meanSquares * itemSquare));
        }
        out[at] = (float) (userSquares == 0 || itemSquare == 0 ? 0 : userDot / Math.sqrt(userSquares * itemSquare));
    }

    private static void check(float[] vector, int dimension) {
        if (vector.length != dimension) {
            throw new InvalidFieldException("vector", "has " + vector.length + " values, expected " + dimension);
        }
    }

    private static double squares(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            double x = value;
            sum += x * x;
        }
        return sum;
    }

    private float[] categoryShares(UserHistory history) {
        float[] shares = new float[facets.categoryCount()];
        if (history.isEmpty()) {
            return shares;
        }
        for (int item : history.items()) {
            for (int category : facets.categories()[item]) {
                shares[category] += 1f;
            }
        }
        for (int c = 0; c < shares.length; c++) {
            shares[c] /= history.size();
        }
        return shares;
    }

    /** The mean embedding of the user's history items, or null without embeddings or history. */
    private static float[] historyVector(UserHistory history, Embeddings e) {
        if (history.isEmpty()) {
            return null;
        }
        int f = e.dimension();
        float[] mean = new float[f];
        for (int item : history.items()) {
            int offset = item * f;
            for (int d = 0; d < f; d++) {
                mean[d] += e.items()[offset + d];
            }
        }
        return mean;
    }

    /** Counts, first, last and mean times and the mean value of one user's history. */
    private record UserSummary(int count, long firstTime, long lastTime, double meanTime, double meanValue) {

        static UserSummary of(UserHistory history) {
            int count = history.size();
            if (count == 0) {
                return new UserSummary(0, 0, 0, 0, 0);
            }
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            double timeSum = 0;
            double valueSum = 0;
            long[] times = history.times();
            float[] values = history.values();
            for (int k = 0; k < count; k++) {
                first = Math.min(first, times[k]);
                last = Math.max(last, times[k]);
                timeSum += times[k];
                valueSum += values[k];
            }
            return new UserSummary(count, first, last, timeSum / count, valueSum / count);
        }
    }

    private static float days(double seconds) {
        return (float) (seconds / SECONDS_PER_DAY);
    }
}
