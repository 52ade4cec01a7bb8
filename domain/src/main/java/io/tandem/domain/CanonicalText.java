package io.tandem.domain;

/**
 * The input contract for identifiers, labels and free text (ADR-0019). Input is refused, never repaired: a padded
 * id is not trimmed onto another object, and text that is not valid UTF-8 (a lone surrogate, which is what an
 * invalid byte sequence becomes when a decoder does not refuse it) is not collapsed into a replacement character.
 */
public final class CanonicalText {

    /** Ids (items, users, events, request ids) and labels (categories, tags, surfaces) hold at most this. */
    public static final int MAX_ID_BYTES = 256;

    private CanonicalText() {
    }

    /**
     * Fails naming {@code field} unless {@code value} is a canonical id: 1 to {@value #MAX_ID_BYTES} bytes of valid
     * UTF-8, no control character, no whitespace at either end. Returns it unchanged.
     */
    public static String requireId(String field, String value) {
        return requireId(field, value, MAX_ID_BYTES);
    }

    /** As {@link #requireId(String, String)} with another byte limit. */
    public static String requireId(String field, String value, int maxBytes) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException(field, "is required");
        }
        requireText(field, value, maxBytes, false);
        if (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length()))) {
            throw new InvalidFieldException(field, "must not start or end with whitespace");
        }
        return value;
    }

    /**
     * Fails naming {@code field} unless {@code value} is free text of at most {@code maxBytes} bytes of valid UTF-8
     * without control characters other than tab, line feed and carriage return. Returns it unchanged.
     */
    public static String requireFreeText(String field, String value, int maxBytes) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return requireText(field, value, maxBytes, true);
    }

    /** The length of {@code value} in UTF-8, counting a lone surrogate as the three bytes it cannot be. */
    public static long utf8Length(String value) {
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * At most 40 characters of {@code text} for an error message, control characters and lone surrogates written
     * as {@code \\u} and four hex digits ({@code \\u001b}): enough to recognise a refused input, never a flood,
     * and always printable.
     */
    public static String excerpt(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 48));
        int i = 0;
        for (int shown = 0; i < text.length() && shown < 40; i++, shown++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.getType(c) == Character.CONTROL) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out.append('…').toString() : out.toString();
    }

    private static String requireText(String field, String value, int maxBytes, boolean lineBreaks) {
        // Checked on the char count first, so a hostile megabyte is refused without a full scan.
        if (value.length() > maxBytes || utf8Length(value) > maxBytes) {
            throw new InvalidFieldException(field, "is longer than " + maxBytes + " bytes (UTF-8)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidFieldException(field, "is not valid UTF-8 (a lone surrogate at character " + i + ")");
            }
            if (Character.getType(c) == Character.CONTROL && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                throw new InvalidFieldException(field, "must not contain control characters (U+"
                        + String.format("%04X", (int) c) + " at character " + i + ")");
            }
        }
        return value;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
