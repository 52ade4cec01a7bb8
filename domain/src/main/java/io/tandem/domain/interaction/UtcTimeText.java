package io.tandem.domain.interaction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The one spelling of a time that nearly every event carries, {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (what
 * {@link Instant#toString} writes for years 0000 to 9999, and so what the event log holds), read and written without
 * {@link java.time.format.DateTimeFormatter}, which costs more per event than the rest of an event's validation.
 * Anything else, including every invalid date or time, is left to the formatter, so the accepted times and the
 * refusals stay exactly those of {@code OffsetDateTime.parse} and {@code Instant.toString}.
 */
final class UtcTimeText {

    private static final int[] FRACTION_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
            10, 1};

    private UtcTimeText() {
    }

    /** The instant {@code text} names when it is in the spelling above with a valid date and time; else null. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nano = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nano = fraction * FRACTION_SCALE[fractionDigits];
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            LocalTime time = LocalTime.of(hour, minute, second, nano);
            return date.atTime(time).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number the ASCII digits {@code [from, to)} spell, or -1 when any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
