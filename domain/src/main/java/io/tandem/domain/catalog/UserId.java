package io.tandem.domain.catalog;

import io.tandem.domain.CanonicalText;

/** The caller's identifier of a user: opaque, canonical text ({@link CanonicalText#requireId}). */
public record UserId(String value) implements Comparable<UserId> {

    public UserId {
        CanonicalText.requireId("userId", value);
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
