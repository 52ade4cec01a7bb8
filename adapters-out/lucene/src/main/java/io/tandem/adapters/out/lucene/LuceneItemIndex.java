package io.tandem.adapters.out.lucene;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.retrieval.ItemIndexHandle;
import io.tandem.domain.retrieval.ScoredItem;
import io.tandem.domain.retrieval.VectorSimilarity;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One opened item index: the searcher over its reader plus the maps between Lucene documents and item ids, which
 * live on the heap so that a query never reads stored fields. The reader is reference-counted, so a drop while
 * queries run closes it only after the last one finishes.
 */
final class LuceneItemIndex {

    static final String VECTOR_FIELD = "vector";
    /** The item's position in the {@code ItemVectors} the index was built from. */
    static final String ORDINAL_FIELD = "ordinal";

    private final ItemIndexHandle handle;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int searchWidth;
    private final ItemId[] itemByDoc;
    private final Map<ItemId, Integer> docByItem;

    private LuceneItemIndex(ItemIndexHandle handle, DirectoryReader reader, int searchWidth, ItemId[] itemByDoc,
                            Map<ItemId, Integer> docByItem) {
        this.handle = handle;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        // Every query is new (its own vector and exclusions): caching would only cost memory and locking.
        this.searcher.setQueryCache(null);
        this.searchWidth = searchWidth;
        this.itemByDoc = itemByDoc;
        this.docByItem = docByItem;
    }

    /** Takes over {@code reader} (one reference, released by {@link #release}). */
    static LuceneItemIndex open(ItemIndexHandle handle, DirectoryReader reader, List<ItemId> items, int searchWidth)
            throws IOException {
        ItemId[] itemByDoc = new ItemId[reader.maxDoc()];
        Map<ItemId, Integer> docByItem = new HashMap<>(items.size() * 2);
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL_FIELD);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (ordinals == null || !ordinals.advanceExact(doc)) {
                    throw new IllegalStateException("document " + (leaf.docBase + doc) + " of index " + handle.id()
                            + " has no item ordinal");
                }
                ItemId item = items.get((int) ordinals.longValue());
                itemByDoc[leaf.docBase + doc] = item;
                docByItem.put(item, leaf.docBase + doc);
            }
        }
        return new LuceneItemIndex(handle, reader, searchWidth, itemByDoc, docByItem);
    }

    ItemIndexHandle handle() {
        return handle;
    }

    /** The {@code count} best items for {@code vector}, which this call may change (callers pass a copy). */
    List<ScoredItem> search(float[] vector, int count, Set<ItemId> excluded) {
        if (!reader.tryIncRef()) {
            throw new InvalidFieldException("index", handle.id() + " was dropped");
        }
        try {
            float[] target = handle.similarity() == VectorSimilarity.COSINE ? LuceneVectors.normalizeInPlace(vector) : vector;
            // The graph is asked for at least searchWidth items even when fewer are wanted: a wider candidate list
            // is what buys recall in HNSW. Exclusions do not take slots (see ExcludingKnnFloatVectorQuery).
            int width = Math.max(count, searchWidth);
            TopDocs top = searcher.search(
                    new ExcludingKnnFloatVectorQuery(VECTOR_FIELD, target, width, excludedDocs(excluded)), count);
            List<ScoredItem> found = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                found.add(new ScoredItem(itemByDoc[hit.doc], LuceneVectors.similarity(handle.similarity(), hit.score)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("searching item index " + handle.id(), e);
        } finally {
            decRef();
        }
    }

    /** The documents of the excluded items this index holds, ascending; ids it does not hold are ignored. */
    private int[] excludedDocs(Set<ItemId> excluded) {
        int[] docs = new int[excluded.size()];
        int size = 0;
        for (ItemId item : excluded) {
            Integer doc = docByItem.get(item);
            if (doc != null) {
                docs[size++] = doc;
            }
        }
        Arrays.sort(docs, 0, size);
        return size == docs.length ? docs : Arrays.copyOf(docs, size);
    }

    /** Gives up the index's own reference; the reader closes once running searches have finished. */
    void release() {
        decRef();
    }

    private void decRef() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException("closing item index " + handle.id(), e);
        }
    }
}
