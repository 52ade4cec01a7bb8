package io.tandem.adapters.out.lucene;

import io.tandem.domain.InvalidFieldException;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the HNSW item index: graph degree {@code maxConnections} (HNSW's M), {@code beamWidth} (the
 * candidate list while inserting, efConstruction), {@code searchWidth} (the candidate list while searching,
 * efSearch: a query asks the graph for at least this many items and keeps the best it was asked for),
 * {@code buildThreads} (segments built side by side, then merged with as many workers) and the {@code folder}
 * that holds index files, or none to keep indexes on the heap.
 */
public record LuceneHnswParameters(int maxConnections, int beamWidth, int searchWidth, int buildThreads,
                                   Optional<Path> folder) {

    /** Lucene 9.12's own limits on M and efConstruction. */
    private static final int MAX_CONNECTIONS = 512;
    private static final int MAX_BEAM_WIDTH = 3200;

    public LuceneHnswParameters {
        if (maxConnections < 2 || maxConnections > MAX_CONNECTIONS) {
            throw new InvalidFieldException("hnsw.max-connections", "must be between 2 and " + MAX_CONNECTIONS);
        }
        if (beamWidth < 1 || beamWidth > MAX_BEAM_WIDTH) {
            throw new InvalidFieldException("hnsw.beam-width", "must be between 1 and " + MAX_BEAM_WIDTH);
        }
        if (searchWidth < 1) {
            throw new InvalidFieldException("hnsw.search-width", "must be 1 or more");
        }
        if (buildThreads < 1) {
            throw new InvalidFieldException("hnsw.build-threads", "must be 1 or more");
        }
        Objects.requireNonNull(folder, "folder");
    }

    /**
     * M = 32, efConstruction = 100, efSearch = 100, one build thread, on the heap. On 20,000 random 64-d vectors
     * (harder than trained embeddings, whose intrinsic dimension is lower) M = 16 needed efSearch 150 to 200 for
     * recall@10 of 0.96 to 0.98, while M = 32 reached 0.977 at efSearch 100 for about the same query time; a query
     * costs every request, a build only every model. Two build threads were no faster on this project's two shared
     * cores (100,000 items: 186 s against 166 s), because joining the segments re-inserts half the items.
     */
    public static LuceneHnswParameters defaults() {
        return new LuceneHnswParameters(32, 100, 100, 1, Optional.empty());
    }

    /** The same settings with indexes kept in files under {@code folder}, memory-mapped instead of on the heap. */
    public LuceneHnswParameters inFolder(Path folder) {
        return new LuceneHnswParameters(maxConnections, beamWidth, searchWidth, buildThreads,
                Optional.of(Objects.requireNonNull(folder, "folder")));
    }
}
