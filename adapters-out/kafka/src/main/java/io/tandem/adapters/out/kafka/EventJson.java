package io.tandem.adapters.out.kafka;

import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;

import java.nio.charset.StandardCharsets;

/**
 * Writes an event in Tandem's public event wire format, the same JSON object {@code POST /v1/events} takes:
 * {@code {"id","type","userId","itemId","time","value","context":{"surface","requestId","position"}}} with
 * absent members left out. Hand-written rather than Jackson: six fixed members do not justify a data-binding
 * library on the ingest hot path, and the module stays on kafka-clients alone.
 */
final class EventJson {

    // Whole numbers below 2^53 print exactly as integers ("4" rather than "4.0").
    private static final double LARGEST_EXACT_WHOLE = 9.007199254740992E15;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventJson() {
    }

    /** The event as UTF-8 JSON. */
    static byte[] encode(Event event) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"id\":");
        appendString(json, event.id().value());
        json.append(",\"type\":");
        appendString(json, event.type().wireName());
        json.append(",\"userId\":");
        appendString(json, event.user().value());
        json.append(",\"itemId\":");
        appendString(json, event.item().value());
        json.append(",\"time\":");
        appendString(json, event.time().toString());
        if (event.value().isPresent()) {
            json.append(",\"value\":");
            appendNumber(json, event.value().getAsDouble());
        }
        json.append(",\"context\":{");
        EventContext context = event.context();
        boolean first = true;
        if (context.surface().isPresent()) {
            json.append("\"surface\":");
            appendString(json, context.surface().get());
            first = false;
        }
        if (context.requestId().isPresent()) {
            json.append(first ? "" : ",").append("\"requestId\":");
            appendString(json, context.requestId().get());
            first = false;
        }
        if (context.position().isPresent()) {
            json.append(first ? "" : ",").append("\"position\":").append(context.position().getAsInt());
        }
        json.append("}}");
        // Every lone surrogate is escaped above, so this conversion never substitutes '?'.
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Finite values only: the domain refuses NaN and infinities, which JSON cannot carry. */
    static void appendNumber(StringBuilder json, double value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_WHOLE) {
            json.append((long) value);
        } else {
            // Double.toString gives the shortest text that parses back to the same double; its
            // "1.0E-5" form is valid JSON.
            json.append(value);
        }
    }

    /**
     * A JSON string literal (RFC 8259): quote, backslash and control characters escaped; U+2028/U+2029
     * escaped for JavaScript readers; a surrogate that is not part of a pair escaped as a backslash-u escape of
     * four hex digits, so the exact Java string survives instead of turning into '?' in UTF-8.
     */
    static void appendString(StringBuilder json, String text) {
        json.append('"');
        int length = text.length();
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

    private static void appendUnicodeEscape(StringBuilder json, char c) {
        json.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
