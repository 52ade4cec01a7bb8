package io.tandem.domain.catalog;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.Set;

/** The rule for an item's categories and tags: at most {@value #MAX_LABELS}, each a canonical label. */
public final class Labels {

    public static final int MAX_LABELS = 100;

    private Labels() {
    }

    /** Returns an immutable copy of {@code values} (empty for null), or fails naming {@code field}. */
    public static Set<String> require(String field, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_LABELS) {
            throw new InvalidFieldException(field, "holds " + values.size() + " values; at most " + MAX_LABELS);
        }
        for (String value : values) {
            CanonicalText.requireId(field, value);
        }
        return Set.copyOf(values);
    }
}
