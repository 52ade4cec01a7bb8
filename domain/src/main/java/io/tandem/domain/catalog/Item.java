package io.tandem.domain.catalog;

import io.tandem.domain.InvalidFieldException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something that can be recommended. Unavailable items stay in the catalog (history refers to them)
 * but are never served.
 */
public record Item(ItemId id, Set<String> categories, Set<String> tags, Instant createdAt, boolean available,
                   Map<String, String> attributes) {

    public Item {
        Objects.requireNonNull(id, "id");
        categories = labels("categories", categories);
        tags = labels("tags", tags);
        if (createdAt == null) {
            throw new InvalidFieldException("createdAt", "is required");
        }
        attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
    }

    /** An available item with categories only, created at {@code createdAt}. */
    public static Item of(ItemId id, Set<String> categories, Instant createdAt) {
        return new Item(id, categories, Set.of(), createdAt, true, Map.of());
    }

    public boolean inCategory(String category) {
        return categories.contains(category);
    }

    private static Set<String> labels(String field, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidFieldException(field, "must not contain blank values");
            }
        }
        return Set.copyOf(values);
    }
}
