package io.tandem.adapters.out.lucene;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.retrieval.ItemIndexHandle;
import io.tandem.domain.retrieval.ItemVectors;
import io.tandem.domain.retrieval.NearestItemsQuery;
import io.tandem.domain.retrieval.ScoredItem;
import io.tandem.domain.retrieval.VectorSimilarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LuceneHnswIndexAdapterTest {

    private static final int DIMENSION = 64;

    private static Set<String> ids(List<ScoredItem> found) {
        return found.stream().map(hit -> hit.item().value()).collect(Collectors.toSet());
    }

    /** Recall@10 of the index against exact dot-product search, over {@code queries} fresh random queries. */
    private static double recallAt10(LuceneHnswIndexAdapter adapter, ItemIndexHandle index, ItemVectors items,
                                     int queries, long seed) {
        float[] targets = RandomVectors.gaussian(queries, items.dimension(), seed);
        int hits = 0;
        for (int q = 0; q < queries; q++) {
            float[] query = RandomVectors.row(targets, q, items.dimension());
            Set<String> exact = new HashSet<>();
            for (int row : RandomVectors.exactTopByDot(query, items.vectors(), 10)) {
                exact.add(items.items().get(row).value());
            }
            Set<String> found = ids(adapter.search(new NearestItemsQuery(index, query, 10, Set.of())));
            found.retainAll(exact);
            hits += found.size();
        }
        return hits / (queries * 10.0);
    }

    @Test
    void findsNinetyFivePercentOfTheExactTopTenByDotProductOnRandomVectors() {
        ItemVectors items = RandomVectors.items(20_000, DIMENSION, 42L);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);

            double recall = recallAt10(adapter, index, items, 1_000, 7L);

            System.out.printf("HNSW recall@10 on 20,000 random %d-d vectors, 1,000 queries, %s: %.4f%n",
                    DIMENSION, LuceneHnswParameters.defaults(), recall);
            assertThat(recall).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void severalBuildThreadsStillMakeOneSearchableGraph() {
        ItemVectors items = RandomVectors.items(20_000, 16, 5L);
        LuceneHnswParameters parameters = new LuceneHnswParameters(16, 64, 64, 2, Optional.empty());
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(parameters)) {
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);

            // 16-d vectors have a low intrinsic dimension, so even this small graph should find nearly all.
            assertThat(recallAt10(adapter, index, items, 200, 9L)).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void scoresAreTheExactDotProductsIncludingNegativeOnes() {
        ItemVectors items = RandomVectors.items(500, 8, 1L);
        float[] query = RandomVectors.gaussian(1, 8, 2L);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);

            List<ScoredItem> found = adapter.search(new NearestItemsQuery(index, query, 500, Set.of()));

            assertThat(found).hasSize(500);
            assertThat(found.get(499).score()).isNegative();
            for (int rank = 0; rank < found.size(); rank++) {
                ScoredItem hit = found.get(rank);
                int row = items.items().indexOf(hit.item());
                assertThat(hit.score()).isCloseTo(RandomVectors.dot(query, items.vectors(), row), within(1e-3));
                if (rank > 0) {
                    assertThat(hit.score()).isLessThanOrEqualTo(found.get(rank - 1).score());
                }
            }
            int[] exact = RandomVectors.exactTopByDot(query, items.vectors(), 10);
            assertThat(found.subList(0, 10)).extracting(hit -> items.items().indexOf(hit.item()))
                    .containsExactly(Arrays.stream(exact).boxed().toArray(Integer[]::new));
        }
    }

    @Test
    void cosineIgnoresVectorLengths() {
        // Item 1 points the query's way but is short; item 0 is long and 45 degrees off.
        List<ItemId> ids = List.of(ItemId.of("long"), ItemId.of("aligned"), ItemId.of("opposite"));
        ItemVectors items = new ItemVectors(ids, 2, new float[] {10, 10, 0.1f, 0, -3, 0});
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle byCosine = adapter.build(items, VectorSimilarity.COSINE);
            ItemIndexHandle byDot = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
            float[] query = {2, 0};

            List<ScoredItem> cosine = adapter.search(new NearestItemsQuery(byCosine, query, 3, Set.of()));
            List<ScoredItem> dot = adapter.search(new NearestItemsQuery(byDot, query, 3, Set.of()));

            assertThat(cosine).extracting(hit -> hit.item().value()).containsExactly("aligned", "long", "opposite");
            assertScores(cosine, 1.0, Math.sqrt(0.5), -1.0);
            assertThat(dot).extracting(hit -> hit.item().value()).containsExactly("long", "aligned", "opposite");
            assertScores(dot, 20.0, 0.2, -6.0);
        }
    }

    private static void assertScores(List<ScoredItem> found, double... expected) {
        assertThat(found).hasSize(expected.length);
        for (int rank = 0; rank < expected.length; rank++) {
            assertThat(found.get(rank).score()).as("score at rank %d", rank).isCloseTo(expected[rank], within(1e-5));
        }
    }

    @Test
    void excludedItemsNeverComeBackAndDoNotCostResultSlots() {
        ItemVectors items = RandomVectors.items(2_000, 16, 3L);
        float[] query = RandomVectors.gaussian(1, 16, 4L);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
            List<ScoredItem> unfiltered = adapter.search(new NearestItemsQuery(index, query, 20, Set.of()));
            Set<ItemId> excluded = new HashSet<>();
            for (ScoredItem hit : unfiltered.subList(0, 15)) {
                excluded.add(hit.item());
            }
            excluded.add(ItemId.of("not-in-the-index"));

            List<ScoredItem> filtered = adapter.search(new NearestItemsQuery(index, query, 20, excluded));

            assertThat(filtered).hasSize(20);
            assertThat(filtered).extracting(ScoredItem::item).doesNotContainAnyElementsOf(excluded);
            assertThat(filtered.subList(0, 5)).isEqualTo(unfiltered.subList(15, 20));
        }
    }

    @Test
    void returnsFewerItemsOnlyWhenTooFewAreLeft() {
        ItemVectors items = RandomVectors.items(50, 4, 6L);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
            Set<ItemId> allButThree = new HashSet<>(items.items().subList(3, 50));

            List<ScoredItem> found = adapter.search(new NearestItemsQuery(index, new float[] {1, 0, 0, 0}, 10,
                    allButThree));

            assertThat(found).extracting(hit -> hit.item().value())
                    .containsExactlyInAnyOrder("item-0", "item-1", "item-2");
        }
    }

    @Test
    void anEmptyIndexFindsNothing() {
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle index = adapter.build(new ItemVectors(List.of(), 3, new float[0]),
                    VectorSimilarity.COSINE);

            assertThat(adapter.search(new NearestItemsQuery(index, new float[] {1, 2, 3}, 5, Set.of()))).isEmpty();
        }
    }

    @Test
    void concurrentSearchesAgreeWithSequentialOnes() throws Exception {
        ItemVectors items = RandomVectors.items(5_000, 32, 8L);
        float[] queries = RandomVectors.gaussian(200, 32, 9L);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
            List<List<ScoredItem>> sequential = new ArrayList<>();
            for (int q = 0; q < 200; q++) {
                sequential.add(adapter.search(new NearestItemsQuery(index, RandomVectors.row(queries, q, 32), 10,
                        Set.of())));
            }

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<ScoredItem>>> parallel = new ArrayList<>();
                for (int q = 0; q < 200; q++) {
                    float[] query = RandomVectors.row(queries, q, 32);
                    parallel.add(pool.submit(() -> adapter.search(new NearestItemsQuery(index, query, 10, Set.of()))));
                }
                for (int q = 0; q < 200; q++) {
                    assertThat(parallel.get(q).get()).isEqualTo(sequential.get(q));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aDroppedIndexIsGoneAndDroppingTwiceIsHarmless() {
        ItemVectors items = RandomVectors.items(100, 4, 10L);
        LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults());
        ItemIndexHandle kept = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
        ItemIndexHandle dropped = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
        NearestItemsQuery onDropped = new NearestItemsQuery(dropped, new float[] {1, 0, 0, 0}, 5, Set.of());

        adapter.drop(dropped);
        adapter.drop(dropped);

        assertThatThrownBy(() -> adapter.search(onDropped))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("index"));
        assertThat(adapter.search(new NearestItemsQuery(kept, new float[] {1, 0, 0, 0}, 5, Set.of()))).hasSize(5);

        adapter.close();

        assertThatThrownBy(() -> adapter.search(new NearestItemsQuery(kept, new float[] {1, 0, 0, 0}, 5, Set.of())))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> adapter.build(items, VectorSimilarity.DOT_PRODUCT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anIndexInAFolderIsSearchableAndItsFilesGoWhenItIsDropped(@TempDir Path folder) throws Exception {
        ItemVectors items = RandomVectors.items(1_000, 8, 11L);
        try (LuceneHnswIndexAdapter adapter =
                     new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults().inFolder(folder))) {
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
            Path files = folder.resolve(index.id());
            assertThat(files).isDirectory();
            float[] query = RandomVectors.row(items.vectors(), 0, 8);

            assertThat(adapter.search(new NearestItemsQuery(index, query, 10, Set.of()))).hasSize(10);

            adapter.drop(index);
            assertThat(Files.exists(files)).isFalse();
        }
    }

    @Test
    void rejectsVectorsLongerThanLuceneAllows() {
        ItemVectors items = new ItemVectors(List.of(ItemId.of("a")), 1025, new float[1025]);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(LuceneHnswParameters.defaults())) {
            assertThatThrownBy(() -> adapter.build(items, VectorSimilarity.DOT_PRODUCT))
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("dimension"));
        }
    }
}
