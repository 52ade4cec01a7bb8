package io.tandem.adapters.out.lucene;

import io.tandem.application.catalog.port.out.BuildItemIndexPort;
import io.tandem.application.catalog.port.out.DropItemIndexPort;
import io.tandem.application.catalog.port.out.SearchItemIndexPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.ItemIndexHandle;
import io.tandem.domain.retrieval.ItemVectors;
import io.tandem.domain.retrieval.NearestItemsQuery;
import io.tandem.domain.retrieval.ScoredItem;
import io.tandem.domain.retrieval.VectorSimilarity;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item nearest-neighbour indexes as Lucene 9.12 HNSW graphs: builds one per set of item vectors (on the heap in a
 * {@link ByteBuffersDirectory}, or memory-mapped files in a folder), answers top-k queries with exclusions from
 * many threads at once, and releases an index when it is dropped or the adapter closes.
 */
public final class LuceneHnswIndexAdapter
        implements BuildItemIndexPort, SearchItemIndexPort, DropItemIndexPort, AutoCloseable {

    /** The longest vector Lucene99HnswVectorsFormat accepts. */
    static final int MAX_DIMENSION = 1024;

    /**
     * The flush threshold while building: high enough that each build thread writes one segment, so the graph is
     * built once rather than built per flush and rebuilt by merges. It is a threshold, not an allocation; the
     * heap holds what the vectors and graph need either way.
     */
    private static final double RAM_BUFFER_MB = 1024;

    /** Smaller builds take seconds on one thread; more segments would only add a merge. */
    private static final int MIN_ITEMS_PER_BUILD_THREAD = 10_000;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final LuceneHnswParameters parameters;
    private final Map<String, LuceneItemIndex> indexes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public LuceneHnswIndexAdapter(LuceneHnswParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public ItemIndexHandle build(ItemVectors items, VectorSimilarity similarity) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(similarity, "similarity");
        if (items.dimension() > MAX_DIMENSION) {
            throw new InvalidFieldException("dimension", "is " + items.dimension() + ", Lucene HNSW holds at most "
                    + MAX_DIMENSION);
        }
        requireOpen();
        ItemIndexHandle handle = new ItemIndexHandle("hnsw-" + UUID.randomUUID(), items.size(), items.dimension(),
                similarity);
        Optional<Path> folder = parameters.folder().map(parent -> parent.resolve(handle.id()));
        LuceneItemIndex index = open(handle, folder, items);
        indexes.put(handle.id(), index);
        if (closed) {
            // close() ran while this index was being built and did not see it.
            drop(handle);
            requireOpen();
        }
        return handle;
    }

    @Override
    public List<ScoredItem> search(NearestItemsQuery query) {
        Objects.requireNonNull(query, "query");
        LuceneItemIndex index = indexes.get(query.index().id());
        if (index == null || !index.handle().equals(query.index())) {
            throw new InvalidFieldException("index", query.index().id() + " is not built here or was dropped");
        }
        return index.search(query.vector(), query.count(), query.excluded());
    }

    @Override
    public void drop(ItemIndexHandle handle) {
        Objects.requireNonNull(handle, "handle");
        LuceneItemIndex index = indexes.get(handle.id());
        if (index != null && index.handle().equals(handle) && indexes.remove(handle.id(), index)) {
            index.release();
        }
    }

    /** Drops every index; later builds fail, later searches find no index. */
    @Override
    public void close() {
        closed = true;
        for (LuceneItemIndex index : List.copyOf(indexes.values())) {
            drop(index.handle());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the Lucene item index adapter is closed");
        }
    }

    private LuceneItemIndex open(ItemIndexHandle handle, Optional<Path> folder, ItemVectors items) {
        Directory directory = null;
        DirectoryReader reader;
        try {
            directory = folder.isPresent() ? FSDirectory.open(folder.get()) : new ByteBuffersDirectory();
            write(directory, items, handle.similarity());
            reader = DirectoryReader.open(directory);
        } catch (IOException | RuntimeException e) {
            discardAfter(e, directory, folder);
            throw failure(handle, e);
        }
        Directory owned = directory;
        // The directory (and the folder) go when the reader does: after the drop and the last running search.
        reader.getReaderCacheHelper().addClosedListener(key -> discard(owned, folder));
        try {
            return LuceneItemIndex.open(handle, reader, items.items(), parameters.searchWidth());
        } catch (IOException | RuntimeException e) {
            try {
                reader.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw failure(handle, e);
        }
    }

    private static RuntimeException failure(ItemIndexHandle handle, Exception e) {
        return e instanceof IOException io
                ? new UncheckedIOException("building item index " + handle.id(), io)
                : (RuntimeException) e;
    }

    /** Closes {@code directory} and deletes its folder. */
    private static void discard(Directory directory, Optional<Path> folder) throws IOException {
        try {
            if (directory != null) {
                directory.close();
            }
        } finally {
            if (folder.isPresent()) {
                IOUtils.rm(folder.get());
            }
        }
    }

    /** {@link #discard} after a failed build, whose exception {@code cause} carries any trouble it meets. */
    private static void discardAfter(Exception cause, Directory directory, Optional<Path> folder) {
        try {
            discard(directory, folder);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Indexes every item into one segment per build thread, then merges them into one segment, whose single graph
     * makes a query one graph walk. Lucene merges HNSW graphs by keeping the largest and inserting the others'
     * vectors, with {@code threads} workers.
     */
    private void write(Directory directory, ItemVectors items, VectorSimilarity similarity) throws IOException {
        int threads = Math.max(1, Math.min(parameters.buildThreads(), items.size() / MIN_ITEMS_PER_BUILD_THREAD));
        ExecutorService workers = threads > 1 ? Executors.newFixedThreadPool(threads, LuceneHnswIndexAdapter::thread)
                : null;
        try {
            KnnVectorsFormat format = new Lucene99HnswVectorsFormat(parameters.maxConnections(),
                    parameters.beamWidth(), threads, workers);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setCodec(new HnswCodec(format))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB);
            VectorSimilarityFunction function = LuceneVectors.function(similarity);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                if (workers == null) {
                    addStride(writer, items, similarity, function, 0, 1);
                } else {
                    List<Future<Void>> parts = new ArrayList<>(threads);
                    for (int t = 0; t < threads; t++) {
                        int first = t;
                        parts.add(workers.submit(() -> {
                            addStride(writer, items, similarity, function, first, threads);
                            return null;
                        }));
                    }
                    awaitAll(parts);
                }
                writer.forceMerge(1);
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    /** Adds items {@code first}, {@code first + step}, ...: one document each, its vector and its ordinal. */
    private static void addStride(IndexWriter writer, ItemVectors items, VectorSimilarity similarity,
                                  VectorSimilarityFunction function, int first, int step) throws IOException {
        int d = items.dimension();
        float[] vectors = items.vectors();
        for (int k = first; k < items.size(); k += step) {
            Document document = new Document();
            document.add(new KnnFloatVectorField(LuceneItemIndex.VECTOR_FIELD,
                    LuceneVectors.prepare(similarity, vectors, k * d, d), function));
            document.add(new NumericDocValuesField(LuceneItemIndex.ORDINAL_FIELD, k));
            writer.addDocument(document);
        }
    }

    /** Waits for every part, so that none still writes when the writer closes, then reports the first failure. */
    private static void awaitAll(List<Future<Void>> parts) throws IOException {
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<Void> part : parts) {
            while (true) {
                try {
                    part.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException("building an item index failed", failure);
        }
    }

    private static Thread thread(Runnable task) {
        Thread thread = new Thread(task, "tandem-hnsw-build-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** The default codec with HNSW settings of this adapter for every vector field. */
    private static final class HnswCodec extends Lucene912Codec {

        private final KnnVectorsFormat format;

        HnswCodec(KnnVectorsFormat format) {
            this.format = format;
        }

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
        }
    }
}
