package io.tandem.domain.catalog;

import io.tandem.domain.InvalidFieldException;

/** The caller's identifier of an item; opaque text of at most {@value #MAX_LENGTH} characters. */
public record ItemId(String value) implements Comparable<ItemId> {

    public static final int MAX_LENGTH = 256;

    public ItemId {
        value = InvalidFieldException.requireText("itemId", value);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidFieldException("itemId", "is longer than " + MAX_LENGTH + " characters");
        }
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
