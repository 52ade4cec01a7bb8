package io.tandem.adapters.in.http;

import io.tandem.domain.InvalidFieldException;

/**
 * Query parameters as the routes take them, judged as given like every input (ADR-0019): {@code " 5"} is not a
 * number. An absent or empty parameter means the route's default.
 */
final class QueryValues {

    /** More digits than this cannot be an int, and no count or limit comes near it. */
    private static final int MAX_DIGITS = 9;

    private QueryValues() {
    }

    /**
     * A whole number written with plain digits, {@code absent} when the parameter is absent or empty; anything else
     * is refused naming the parameter and its range. The range itself is the query's to enforce.
     */
    static int wholeNumber(String name, String value, int absent, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        if (value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidFieldException(name, "must be a whole number between 1 and " + max);
        }
        return Integer.parseInt(value);
    }
}
