package io.tandem.adapters.shared.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes JSON literals by hand, for the event format and the other small fixed records adapters publish: a few fixed
 * members do not justify a data-binding library on the ingest hot path.
 */
public final class JsonText {

    private static final long FIRST_FOUR_DIGIT_YEAR = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long FIRST_FIVE_DIGIT_YEAR = LocalDateTime.of(10_000, 1, 1, 0, 0)
            .toEpochSecond(ZoneOffset.UTC);

    // Whole numbers below 2^53 print exactly as integers ("4" rather than "4.0").
    private static final double LARGEST_EXACT_WHOLE = 9.007199254740992E15;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Finite values only: the domain refuses NaN and infinities, which JSON cannot carry. */
    public static void appendNumber(StringBuilder json, double value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_WHOLE) {
            json.append((long) value);
        } else {
            // Double.toString gives the shortest text that parses back to the same double; its
            // "1.0E-5" form is valid JSON.
            json.append(value);
        }
    }

    /**
     * A JSON string literal (RFC 8259): quote, backslash and control characters escaped; U+2028/U+2029 escaped for
     * JavaScript readers. Events hold canonical text (ADR-0019), so a lone surrogate never reaches here; were one to,
     * it is escaped rather than turned into '?' by the UTF-8 encoder.
     */
    public static void appendString(StringBuilder json, String text) {
        json.append('"');
        int length = text.length();
        if (plain(text, length)) {
            // The usual id or label: copied in one go rather than character by character.
            json.append(text).append('"');
            return;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\u2028', '\u2029' -> appendUnicodeEscape(json, c);
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(json, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        json.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        appendUnicodeEscape(json, c);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * A time as a JSON string, exactly as {@link Instant#toString} spells it (ISO-8601 in UTC, the fraction in groups
     * of three digits), without the formatter it goes through: one per event on the ingest path.
     */
    public static void appendInstant(StringBuilder json, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds >= FIRST_FIVE_DIGIT_YEAR) {
            // A year outside 0000-9999 takes a sign, or more digits: left to the formatter.
            appendString(json, instant.toString());
            return;
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        json.append('"');
        pad(json, time.getYear(), 4).append('-');
        pad(json, time.getMonthValue(), 2).append('-');
        pad(json, time.getDayOfMonth(), 2).append('T');
        pad(json, time.getHour(), 2).append(':');
        pad(json, time.getMinute(), 2).append(':');
        pad(json, time.getSecond(), 2);
        int nano = instant.getNano();
        if (nano > 0) {
            json.append('.');
            if (nano % 1_000_000 == 0) {
                pad(json, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pad(json, nano / 1_000, 6);
            } else {
                pad(json, nano, 9);
            }
        }
        json.append("Z\"");
    }

    private static StringBuilder pad(StringBuilder json, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                json.append('0');
            }
        }
        return json.append(value);
    }

    /** Whether no character of {@code text} needs an escape (and none is a surrogate, which needs a check). */
    private static boolean plain(String text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x2028 && (c <= 0x2029 || Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }

    private static void appendUnicodeEscape(StringBuilder json, char c) {
        json.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
