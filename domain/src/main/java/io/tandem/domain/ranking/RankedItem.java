package io.tandem.domain.ranking;

import io.tandem.domain.catalog.ItemId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a ranking: the item, its final score, its 1-based rank, the retrievers (or fallback tiers) that
 * found it, and, when asked for, the explanation of its score (the ranker's output and every known feature value
 * by name, in schema order; unknown values are left out).
 */
public record RankedItem(ItemId item, double score, int rank, List<String> sources, Map<String, Double> explanation) {

    public RankedItem {
        Objects.requireNonNull(item, "item");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be 1 or more");
        }
        sources = List.copyOf(sources);
        explanation = Collections.unmodifiableMap(new LinkedHashMap<>(explanation));
    }

    /** An entry without explanation. */
    public RankedItem(ItemId item, double score, int rank, List<String> sources) {
        this(item, score, rank, sources, Map.of());
    }

    /** The same entry at another rank. */
    public RankedItem atRank(int newRank) {
        return new RankedItem(item, score, newRank, sources, explanation);
    }
}
