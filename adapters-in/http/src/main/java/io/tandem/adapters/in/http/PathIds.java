package io.tandem.adapters.in.http;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

/**
 * Path parameters as the domain takes them, refused under the name of the parameter ({@code id}, {@code name}):
 * a padded or otherwise non-canonical id never reaches the object its trimmed form would name (ADR-0019).
 */
final class PathIds {

    private PathIds() {
    }

    static String require(String parameter, String value) {
        return CanonicalText.requireId(parameter, value);
    }

    static ItemId item(String value) {
        return new ItemId(require("id", value));
    }

    static UserId user(String value) {
        return new UserId(require("id", value));
    }
}
