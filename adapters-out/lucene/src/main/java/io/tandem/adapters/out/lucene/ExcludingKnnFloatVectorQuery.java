package io.tandem.adapters.out.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.Arrays;

/**
 * A k-nearest-neighbour query that never returns the excluded documents, by hiding them from the graph search
 * itself. A Lucene filter query would do the same but first materialises the accepted documents, a pass over the
 * whole index per query; a post-filter would spend result slots on excluded items and need over-fetching. Here the
 * graph still walks through excluded nodes (so it does not lose its way) but never collects them, at a binary
 * search per visited node.
 */
final class ExcludingKnnFloatVectorQuery extends KnnFloatVectorQuery {

    /** Global document ids, ascending. */
    private final int[] excludedDocs;

    ExcludingKnnFloatVectorQuery(String field, float[] target, int k, int[] excludedDocs) {
        super(field, target, k);
        this.excludedDocs = excludedDocs;
    }

    @Override
    protected TopDocs approximateSearch(LeafReaderContext context, Bits acceptDocs, int visitedLimit,
                                        KnnCollectorManager knnCollectorManager) throws IOException {
        Bits accepted = excludedDocs.length == 0
                ? acceptDocs
                : new Excluding(acceptDocs, excludedDocs, context.docBase, context.reader().maxDoc());
        return super.approximateSearch(context, accepted, visitedLimit, knnCollectorManager);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && Arrays.equals(excludedDocs, ((ExcludingKnnFloatVectorQuery) other).excludedDocs);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Arrays.hashCode(excludedDocs);
    }

    /** The documents of one segment that are live (when {@code live} is given) and not excluded. */
    private record Excluding(Bits live, int[] excludedDocs, int docBase, int maxDoc) implements Bits {

        @Override
        public boolean get(int doc) {
            return (live == null || live.get(doc)) && Arrays.binarySearch(excludedDocs, docBase + doc) < 0;
        }

        @Override
        public int length() {
            return maxDoc;
        }
    }
}
