package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;

import java.util.Objects;
import java.util.Set;

/**
 * Asks an item index for the {@code count} items closest to {@code vector} (a folded user vector or an item's own
 * vector), leaving out {@code excluded} items such as those the user has already seen.
 */
public record NearestItemsQuery(ItemIndexHandle index, float[] vector, int count, Set<ItemId> excluded) {

    /** More than any page of candidates a ranker scores, and a bound on the work one query may ask for. */
    public static final int MAX_COUNT = 10_000;

    public NearestItemsQuery {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(vector, "vector");
        if (vector.length != index.dimension()) {
            throw new InvalidFieldException("vector", "has " + vector.length + " values, the index has "
                    + index.dimension());
        }
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                throw new InvalidFieldException("vector", "must be finite");
            }
        }
        // A copy, so that a caller reusing its buffer cannot change a query in flight.
        vector = vector.clone();
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidFieldException("count", "must be between 1 and " + MAX_COUNT);
        }
        excluded = Set.copyOf(Objects.requireNonNull(excluded, "excluded"));
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }
}
