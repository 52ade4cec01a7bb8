package io.tandem.bootstrap;

import java.util.regex.Pattern;

/**
 * How {@link ConfigurationCheck} shows a setting's value: secrets masked, in a URL too, and an unset value said so.
 */
final class ShownValues {

    private static final String MASK = "****";
    /** A password in a URI's user part ({@code redis://:secret@host}) or a JDBC URL parameter. */
    private static final Pattern URI_PASSWORD = Pattern.compile("(://[^:/@]*:)[^@/]+@");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private ShownValues() {
    }

    /** The mask when a secret is set, never the secret itself. */
    static String secret(String value) {
        return value == null || value.isEmpty() ? "(not set)" : MASK;
    }

    static String orNotSet(String value) {
        return value == null || value.isBlank() ? "(not set)" : value;
    }

    /** A URL with any password in it replaced by the mask. */
    static String masked(String url) {
        String masked = URI_PASSWORD.matcher(url).replaceAll("$1" + MASK + "@");
        return URL_PASSWORD.matcher(masked).replaceAll("$1" + MASK);
    }
}
