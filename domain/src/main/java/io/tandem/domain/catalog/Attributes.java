package io.tandem.domain.catalog;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.Map;

/**
 * The rule for free attributes of items and users: at most {@value #MAX_ATTRIBUTES} of them, each named by a
 * canonical key and holding a text value (never null) of at most {@value #MAX_VALUE_BYTES} bytes.
 */
public final class Attributes {

    public static final int MAX_ATTRIBUTES = 100;
    public static final int MAX_VALUE_BYTES = 1024;

    private Attributes() {
    }

    /** Returns an immutable copy of {@code attributes} (empty for null), or fails naming the attribute. */
    public static Map<String, String> require(Map<String, String> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new InvalidFieldException("attributes", "holds " + attributes.size() + " attributes; at most "
                    + MAX_ATTRIBUTES);
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            CanonicalText.requireId("attributes", attribute.getKey());
            String field = "attributes." + attribute.getKey();
            if (attribute.getValue() == null) {
                throw new InvalidFieldException(field, "must be a string; leave the attribute out when it has none");
            }
            CanonicalText.requireFreeText(field, attribute.getValue(), MAX_VALUE_BYTES);
        }
        return Map.copyOf(attributes);
    }
}
