package io.tandem.domain.model;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.regex.Pattern;

/**
 * The rule for model names, versions and artifact file names: they become folder names, S3 keys and URL
 * path segments, so they are 1–128 letters, digits, dots, hyphens and underscores, starting with a letter
 * or digit (which also rules out "." and "..").
 */
public final class ModelNames {

    public static final int MAX_LENGTH = 128;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private ModelNames() {
    }

    /** Returns {@code value} unchanged (never trimmed), or fails naming {@code field} when it breaks the rule. */
    public static String require(String field, String value) {
        String text = InvalidFieldException.requireText(field, value);
        if (!SEGMENT.matcher(text).matches()) {
            throw new InvalidFieldException(field, "'" + CanonicalText.excerpt(text) + "' must be 1-" + MAX_LENGTH
                    + " letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return text;
    }
}
