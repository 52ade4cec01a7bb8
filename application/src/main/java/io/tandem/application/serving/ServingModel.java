package io.tandem.application.serving;

import io.tandem.application.catalog.IndexedItems;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.CandidateGenerator;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A champion loaded for serving: its retrievers, the item statistics and facets its features read, and its ranker,
 * wired through the same {@link CandidateGenerator} and {@link RankingFeatures} that trained and measured it.
 * Shared by every request; a swap retires it, and its ranker is closed when the last request holding it releases
 * it ({@link #acquire()} / {@link #release()}), so requests in flight finish on the model they started with.
 */
final class ServingModel {

    private final ModelRef ref;
    private final FeatureSchema schema;
    private final List<ItemId> itemIds;
    private final Map<ItemId, Integer> indexOf;
    private final List<String> retrieverNames;
    private final CandidateGenerator generator;
    /** Generators with another number of candidates per retriever, as experiment variants ask (few: one per variant). */
    private final Map<Integer, CandidateGenerator> generators = new ConcurrentHashMap<>();
    /** Generators aiming at a number of candidates (tandem.serving.candidates; one per setting). */
    private final Map<Integer, CandidateGenerator> targeted = new ConcurrentHashMap<>();
    private final RankingFeatures features;
    private final ScoringModel ranker;
    private final boolean[] personal;
    /** Score vectors of finished requests, reused by the next ones: a request then allocates little. */
    private final ConcurrentLinkedQueue<float[][]> spareVectors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger spareCount = new AtomicInteger();
    /** About the requests one instance runs at once on the model path. */
    private static final int SPARE_VECTORS = 32;
    /** The catalog snapshot's view of the items, held here: the snapshot holds it only as long as the model. */
    private volatile IndexedItems catalogView;
    /** Requests holding the model, plus one while it is the champion; closed at zero. */
    private final AtomicInteger holders = new AtomicInteger(1);

    ServingModel(ModelRef ref, FeatureSchema schema, ServingBundle bundle, List<RetrievalModel> models,
                 ScoringModel ranker) {
        this.ref = ref;
        this.schema = schema;
        this.itemIds = bundle.itemIds();
        this.retrieverNames = bundle.retrieverNames();
        this.indexOf = new HashMap<>(itemIds.size() * 2);
        for (int item = 0; item < itemIds.size(); item++) {
            indexOf.put(itemIds.get(item), item);
        }
        FeatureSchema built = RankingFeatures.schemaFor(retrieverNames);
        if (!built.equals(schema)) {
            throw new InvalidFieldException("schema", "version " + ref.version() + " was trained on schema '"
                    + schema.version() + "' (" + schema.size() + " features), its retrievers build '"
                    + built.version() + "' (" + built.size() + " features)");
        }
        if (ranker.featureCount() != schema.size()) {
            throw new InvalidFieldException("artifact", "the ranker of " + ref.version() + " expects "
                    + ranker.featureCount() + " features, the schema has " + schema.size());
        }
        this.generator = new CandidateGenerator(models, itemIds.size(), bundle.candidatesPerRetriever());
        this.features = new RankingFeatures(retrieverNames, bundle.stats(), bundle.facets(), models);
        this.ranker = ranker;
        this.personal = personalRetrievers(models, itemIds.size());
    }

    /**
     * Which retrievers' scores depend on the history (neighbours, embeddings) rather than on the items alone
     * (popularity): found by scoring two different one-item histories. Similar items read only those.
     */
    private static boolean[] personalRetrievers(List<RetrievalModel> models, int items) {
        boolean[] personal = new boolean[models.size()];
        if (items < 2) {
            return personal;
        }
        UserHistory first = new UserHistory(new int[] {0}, new float[] {1f}, new long[] {0L});
        UserHistory second = new UserHistory(new int[] {items - 1}, new float[] {1f}, new long[] {0L});
        float[] a = new float[items];
        float[] b = new float[items];
        for (int m = 0; m < models.size(); m++) {
            models.get(m).score(first, a);
            models.get(m).score(second, b);
            personal[m] = !Arrays.equals(a, b);
        }
        return personal;
    }

    /** True when retriever {@code m} scores by the history (see {@link #personalRetrievers}). */
    boolean isPersonal(int m) {
        return personal[m];
    }

    ModelRef ref() {
        return ref;
    }

    int itemCount() {
        return itemIds.size();
    }

    ItemId itemId(int index) {
        return itemIds.get(index);
    }

    /** The model's items by index: always the same list object. */
    List<ItemId> itemIds() {
        return itemIds;
    }

    /** Keeps {@code view} alive as long as this model (see {@link RequestPipeline#indexedCatalog}). */
    void hold(IndexedItems view) {
        catalogView = view;
    }

    Optional<Integer> indexOf(ItemId item) {
        return Optional.ofNullable(indexOf.get(item));
    }

    /** The model indexes of the items of {@code ids} this model knows, ascending. */
    int[] indexesOf(Collection<ItemId> ids) {
        int[] indexes = new int[ids.size()];
        int size = 0;
        for (ItemId id : ids) {
            Integer index = indexOf.get(id);
            if (index != null) {
                indexes[size++] = index;
            }
        }
        Arrays.sort(indexes, 0, size);
        return size == indexes.length ? indexes : Arrays.copyOf(indexes, size);
    }

    ItemFacets facets() {
        return features.facets();
    }

    List<String> retrieverNames() {
        return retrieverNames;
    }

    /**
     * The history the models read, from the user's positive interactions: items this model does not know are
     * left out (no retriever can use them), the rest in index order with their summed value and latest time in
     * epoch seconds, exactly as a training matrix row holds them.
     */
    UserHistory history(List<PositiveInteraction> positives) {
        long[] keyed = new long[positives.size()];
        int size = 0;
        for (int k = 0; k < positives.size(); k++) {
            Integer index = indexOf.get(positives.get(k).item());
            if (index != null) {
                keyed[size++] = ((long) index << 32) | k;
            }
        }
        Arrays.sort(keyed, 0, size);
        int[] items = new int[size];
        float[] values = new float[size];
        long[] times = new long[size];
        int distinct = 0;
        for (int p = 0; p < size; p++) {
            int item = (int) (keyed[p] >>> 32);
            PositiveInteraction positive = positives.get((int) keyed[p]);
            if (distinct > 0 && items[distinct - 1] == item) {
                values[distinct - 1] += positive.value();
                times[distinct - 1] = Math.max(times[distinct - 1], positive.time().getEpochSecond());
                continue;
            }
            items[distinct] = item;
            values[distinct] = positive.value();
            times[distinct] = positive.time().getEpochSecond();
            distinct++;
        }
        return new UserHistory(Arrays.copyOf(items, distinct), Arrays.copyOf(values, distinct),
                Arrays.copyOf(times, distinct));
    }

    /**
     * The candidates of a user with {@code history}, as training builds them. Their score vectors come from a
     * small pool; hand them back with {@link #recycle} once nothing reads them any more.
     */
    UserCandidates candidates(UserHistory history) {
        return candidates(history, OptionalInt.empty(), 0);
    }

    /**
     * As {@link #candidates(UserHistory)}, with {@code perRetriever} candidates from each retriever instead of the
     * number the model was trained with, when given; without it, a {@code target} above 0 deepens the retrievers'
     * lists until {@code target} distinct candidates are found (see {@link CandidateGenerator}).
     */
    UserCandidates candidates(UserHistory history, OptionalInt perRetriever, int target) {
        CandidateGenerator chosen;
        if (perRetriever.isPresent()) {
            chosen = perRetriever.getAsInt() == generator.perRetriever() ? generator
                    : generators.computeIfAbsent(perRetriever.getAsInt(),
                    n -> new CandidateGenerator(generator.models(), itemIds.size(), n));
        } else if (target > 0) {
            chosen = targeted.computeIfAbsent(target,
                    t -> new CandidateGenerator(generator.models(), itemIds.size(), generator.perRetriever(), t));
        } else {
            chosen = generator;
        }
        float[][] vectors = spareVectors.poll();
        if (vectors == null) {
            vectors = new float[generator.models().size()][itemIds.size()];
        } else {
            spareCount.decrementAndGet();
        }
        return chosen.candidates(history, vectors);
    }

    /** Returns the score vectors of {@code used} to the pool (at most {@link #SPARE_VECTORS} are kept). */
    void recycle(UserCandidates used) {
        Optional<float[][]> lent = used.lentVectors();
        if (lent.isPresent() && spareCount.incrementAndGet() <= SPARE_VECTORS) {
            spareVectors.offer(lent.get());
        } else {
            spareCount.decrementAndGet();
        }
    }

    /**
     * The feature rows of {@code items} (model indexes) for the user of {@code candidates}, row-major, in the
     * calling thread's {@link RowBuffer}: valid until the thread asks for rows again.
     */
    float[] featureRows(UserCandidates candidates, int[] items) {
        float[] rows = RowBuffer.rows(items.length * schema.size());
        features.write(candidates, items, rows, 0);
        return rows;
    }

    /** One batched ranker call over {@code rows}. */
    float[] score(float[] rows, int count) {
        return count == 0 ? new float[0] : ranker.score(rows, count);
    }

    /**
     * The explanation of a score: the ranker's output, then the known values of one row of {@code rows} by feature
     * name in schema order (unknown, NaN values are left out).
     */
    Map<String, Double> explain(float score, float[] rows, int row) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("ranker.score", (double) score);
        int width = schema.size();
        for (int f = 0; f < width; f++) {
            float value = rows[row * width + f];
            if (!Float.isNaN(value)) {
                values.put(schema.features().get(f), (double) value);
            }
        }
        return values;
    }

    /** Takes a hold on the model; false once it has been retired and closed. */
    boolean acquire() {
        while (true) {
            int now = holders.get();
            if (now <= 0) {
                return false;
            }
            if (holders.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (holders.decrementAndGet() == 0) {
            ranker.close();
        }
    }

    /** Called once, when another model replaces this one: closes it after the last request releases it. */
    void retire() {
        release();
    }
}
