package io.tandem.adapters.out.lucene;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.retrieval.ItemIndexHandle;
import io.tandem.domain.retrieval.ItemVectors;
import io.tandem.domain.retrieval.NearestItemsQuery;
import io.tandem.domain.retrieval.ScoredItem;
import io.tandem.domain.retrieval.VectorSimilarity;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Build time, query latency and recall@10 of the HNSW index on 20,000 and 100,000 random 64-d vectors. It prints
 * and asserts nothing about time (a shared machine makes timed assertions flaky), and its name keeps it out of
 * the default test run because the 100,000-item build takes minutes. Run it with
 * {@code mvn -B -q test -Dtest=HnswLatencyBenchmark -Dhnsw.buildThreads=1}; the figures land in
 * {@code target/surefire-reports/io.tandem.adapters.out.lucene.HnswLatencyBenchmark-output.txt}.
 */
class HnswLatencyBenchmark {

    private static final int DIMENSION = 64;
    private static final int QUERIES = 1_000;
    private static final int EXCLUDED_PER_QUERY = 50;

    @Test
    void measure() {
        int buildThreads = Integer.getInteger("hnsw.buildThreads", 1);
        LuceneHnswParameters defaults = LuceneHnswParameters.defaults();
        LuceneHnswParameters parameters = new LuceneHnswParameters(defaults.maxConnections(), defaults.beamWidth(),
                defaults.searchWidth(), buildThreads, Optional.empty());
        System.out.printf("%s, %d cores, load average %.2f%n", parameters,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int items : new int[] {20_000, 100_000}) {
            run(parameters, items);
        }
    }

    private static void run(LuceneHnswParameters parameters, int count) {
        ItemVectors items = RandomVectors.items(count, DIMENSION, 42L);
        float[] warmUp = RandomVectors.gaussian(QUERIES, DIMENSION, 1L);
        float[] queries = RandomVectors.gaussian(QUERIES, DIMENSION, 2L);
        try (LuceneHnswIndexAdapter adapter = new LuceneHnswIndexAdapter(parameters)) {
            long start = System.nanoTime();
            ItemIndexHandle index = adapter.build(items, VectorSimilarity.DOT_PRODUCT);
            double buildSeconds = (System.nanoTime() - start) / 1e9;

            for (int q = 0; q < QUERIES; q++) {
                adapter.search(new NearestItemsQuery(index, RandomVectors.row(warmUp, q, DIMENSION), 10, Set.of()));
            }
            long[] plain = new long[QUERIES];
            long[] excluding = new long[QUERIES];
            int hits = 0;
            SplittableRandom random = new SplittableRandom(3L);
            for (int q = 0; q < QUERIES; q++) {
                float[] query = RandomVectors.row(queries, q, DIMENSION);
                long before = System.nanoTime();
                List<ScoredItem> found = adapter.search(new NearestItemsQuery(index, query, 10, Set.of()));
                plain[q] = System.nanoTime() - before;
                hits += shared(found, RandomVectors.exactTopByDot(query, items.vectors(), 10), items);

                Set<ItemId> excluded = new HashSet<>();
                while (excluded.size() < EXCLUDED_PER_QUERY) {
                    excluded.add(items.items().get(random.nextInt(count)));
                }
                before = System.nanoTime();
                adapter.search(new NearestItemsQuery(index, query, 10, excluded));
                excluding[q] = System.nanoTime() - before;
            }
            System.out.printf("%,d items: build %.1f s; query median %.3f ms, p99 %.3f ms; with %d exclusions "
                            + "median %.3f ms; recall@10 %.4f (%d queries after %d warm-up)%n", count, buildSeconds,
                    percentile(plain, 0.5), percentile(plain, 0.99), EXCLUDED_PER_QUERY,
                    percentile(excluding, 0.5), hits / (QUERIES * 10.0), QUERIES, QUERIES);
        }
    }

    private static int shared(List<ScoredItem> found, int[] exact, ItemVectors items) {
        Set<ItemId> truth = new HashSet<>();
        for (int row : exact) {
            truth.add(items.items().get(row));
        }
        return (int) found.stream().filter(hit -> truth.contains(hit.item())).count();
    }

    private static double percentile(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
