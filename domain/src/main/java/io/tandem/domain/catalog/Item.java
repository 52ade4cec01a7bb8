package io.tandem.domain.catalog;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.TimeWindow;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something that can be recommended. Unavailable items stay in the catalog (history refers to them)
 * but are never served. Categories and tags are at most {@value Labels#MAX_LABELS} canonical labels each,
 * attributes as {@link Attributes} bounds them, and the creation time lies in years 1583 to 9999 (ADR-0019).
 */
public record Item(ItemId id, Set<String> categories, Set<String> tags, Instant createdAt, boolean available,
                   Map<String, String> attributes) {

    public Item {
        Objects.requireNonNull(id, "id");
        categories = Labels.require("categories", categories);
        tags = Labels.require("tags", tags);
        if (createdAt == null) {
            throw new InvalidFieldException("createdAt", "is required");
        }
        TimeWindow.requireRepresentable("createdAt", createdAt);
        attributes = Attributes.require(attributes);
    }

    /** An available item with categories only, created at {@code createdAt}. */
    public static Item of(ItemId id, Set<String> categories, Instant createdAt) {
        return new Item(id, categories, Set.of(), createdAt, true, Map.of());
    }

    public boolean inCategory(String category) {
        return categories.contains(category);
    }
}
