package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;

import java.util.regex.Pattern;

/**
 * The one accepted form of experiment names, variant names, salts and surfaces: 1–64 lower-case letters, digits,
 * dots, hyphens and underscores starting with a letter or digit. Names become URL segments and metric labels.
 * Like every identifier of the input contract (ADR-0019) a name is taken exactly as given or refused, never
 * trimmed or lower-cased, so "AB-1" and "ab-1 " can never become a second name for "ab-1".
 */
public final class ExperimentNames {

    public static final int MAX_LENGTH = 64;

    private static final Pattern CANONICAL = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private ExperimentNames() {
    }

    /** {@code value} when it is in the accepted form, or a failure naming {@code field}. */
    public static String canonical(String field, String value) {
        String text = InvalidFieldException.requireText(field, value);
        if (!CANONICAL.matcher(text).matches()) {
            throw new InvalidFieldException(field, "must be 1-" + MAX_LENGTH
                    + " lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return text;
    }
}
