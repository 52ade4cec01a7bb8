package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical form of experiment names, variant names, salts and surfaces: stripped, lower-cased, 1–64
 * letters, digits, dots, hyphens and underscores starting with a letter or digit. Names become URL segments and
 * metric labels, and "AB-1" and "ab-1 " must not be two experiments.
 */
public final class ExperimentNames {

    public static final int MAX_LENGTH = 64;

    private static final Pattern CANONICAL = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private ExperimentNames() {
    }

    /** {@code value} in canonical form, or a failure naming {@code field}. */
    public static String canonical(String field, String value) {
        String text = InvalidFieldException.requireText(field, value).toLowerCase(Locale.ROOT);
        if (!CANONICAL.matcher(text).matches()) {
            throw new InvalidFieldException(field, "'" + text + "' must be 1-" + MAX_LENGTH
                    + " letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return text;
    }
}
