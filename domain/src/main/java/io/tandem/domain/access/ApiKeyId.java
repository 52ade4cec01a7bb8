package io.tandem.domain.access;

import io.tandem.domain.InvalidFieldException;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The public part of a key: 8 to 12 characters of lower-case base32 ({@code a-z}, {@code 2-7}), shown in lists
 * and used to revoke. It is not a secret, but it is never enough to authenticate.
 */
public record ApiKeyId(String value) {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 12;
    /** The length of new ids: 10 base32 characters, 50 random bits. */
    static final int NEW_LENGTH = 10;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    public ApiKeyId {
        value = require("id", value);
    }

    /** Fails naming {@code field} unless {@code value} is a well-formed key id; returns it unchanged. */
    public static String require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "a key id has " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new InvalidFieldException(field, "a key id holds only a-z and 2-7");
            }
        }
        return value;
    }

    /** Whether {@code value} is a well-formed key id. */
    public static boolean isValid(String value) {
        try {
            require("id", value);
            return true;
        } catch (InvalidFieldException e) {
            return false;
        }
    }

    /** A new random id. */
    public static ApiKeyId random(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        char[] chars = new char[NEW_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new ApiKeyId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
