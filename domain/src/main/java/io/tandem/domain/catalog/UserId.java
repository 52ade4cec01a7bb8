package io.tandem.domain.catalog;

import io.tandem.domain.InvalidFieldException;

/** The caller's identifier of a user; opaque text of at most {@value #MAX_LENGTH} characters. */
public record UserId(String value) implements Comparable<UserId> {

    public static final int MAX_LENGTH = 256;

    public UserId {
        value = InvalidFieldException.requireText("userId", value);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidFieldException("userId", "is longer than " + MAX_LENGTH + " characters");
        }
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
