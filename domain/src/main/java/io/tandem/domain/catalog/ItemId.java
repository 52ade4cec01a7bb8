package io.tandem.domain.catalog;

import io.tandem.domain.CanonicalText;

/** The caller's identifier of an item: opaque, canonical text ({@link CanonicalText#requireId}). */
public record ItemId(String value) implements Comparable<ItemId> {

    public ItemId {
        CanonicalText.requireId("itemId", value);
    }

    public static ItemId of(String value) {
        return new ItemId(value);
    }

    @Override
    public int compareTo(ItemId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
