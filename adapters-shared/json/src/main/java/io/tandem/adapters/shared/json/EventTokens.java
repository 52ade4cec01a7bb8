package io.tandem.adapters.shared.json;

import io.tandem.domain.interaction.EventSubmission;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads events straight from their UTF-8 bytes into {@link EventSubmission.Fields}, with no parser object, no tree
 * and no member maps: every event of the ingest path and every record of the log goes through here, twice per record
 * on the log (one read per consumer group). The tree reader cost about 3 KB of garbage and most of a consumer's CPU
 * per event; a Jackson token stream still spent a third of its time setting up a parser per 200-byte record.
 *
 * <p>It takes only what it can read exactly as {@link EventWireFormat} would: known members, each at most once, of
 * the JSON types their fields take (ids as strings or whole numbers, {@code time} as a string, null as absent),
 * strings of printable ASCII without escapes, numbers in JSON's grammar. Anything else (an escape or a non-ASCII
 * character, an unknown or repeated member, a wrong type, an epoch-millisecond time, malformed JSON) makes it answer
 * null, and the caller reads the same bytes with {@link StrictJson} and {@link JsonMembers}, which alone word
 * refusals. So a document is judged the same whichever reader took it; only plain input is faster.
 */
final class EventTokens {

    private static final int ID = 0;
    private static final int TYPE = 1;
    private static final int USER_ID = 2;
    private static final int ITEM_ID = 3;
    private static final int TIME = 4;
    private static final int VALUE = 5;
    private static final int SURFACE = 6;
    private static final int REQUEST_ID = 7;
    private static final int POSITION = 8;
    private static final int CONTEXT = 9;
    private static final int FIELDS = POSITION + 1;

    private static final byte[][] TOP_NAMES = names("id", "type", "userId", "itemId", "time", "value", null, null, null,
            "context");
    private static final byte[][] CONTEXT_NAMES = names(null, null, null, null, null, null, "surface", "requestId",
            "position");

    /** What the value just read was, for the member-type check. */
    private enum Kind { TEXT, WHOLE, FRACTION, NULL }

    private final byte[] bytes;
    private int at;
    private Kind kind;
    private String text;

    private EventTokens(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The single event object in {@code bytes}, or null when the strict reader must judge them. */
    static EventSubmission.Fields record(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        EventTokens reader = new EventTokens(bytes);
        EventSubmission.Fields event = reader.skipSpace() && reader.take('{') ? reader.event() : null;
        return event != null && reader.atEnd() ? event : null;
    }

    /**
     * The events of a request body (an array of event objects, or one event object), or null when the strict reader
     * must judge it. The list may be longer than a batch may hold; the caller checks, as after the strict reader.
     */
    static List<EventSubmission> batch(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        EventTokens reader = new EventTokens(bytes);
        if (!reader.skipSpace()) {
            return null;
        }
        List<EventSubmission> events;
        if (reader.take('{')) {
            EventSubmission.Fields event = reader.event();
            events = event == null ? null : List.of(event);
        } else if (reader.take('[')) {
            events = reader.elements();
        } else {
            return null;
        }
        return events != null && reader.atEnd() ? events : null;
    }

    private List<EventSubmission> elements() {
        List<EventSubmission> events = new ArrayList<>();
        if (skipSpace() && take(']')) {
            return events;
        }
        do {
            EventSubmission.Fields event = skipSpace() && take('{') ? event() : null;
            if (event == null) {
                return null;
            }
            events.add(event);
        } while (skipSpace() && take(','));
        return skipSpace() && take(']') ? events : null;
    }

    /** The members of the object whose '{' was just read, through its '}'; null to defer. */
    private EventSubmission.Fields event() {
        String[] fields = new String[FIELDS];
        if (!members(TOP_NAMES, fields)) {
            return null;
        }
        return new EventSubmission.Fields(fields[ID], fields[TYPE], fields[USER_ID], fields[ITEM_ID], fields[TIME],
                fields[VALUE], fields[SURFACE], fields[REQUEST_ID], fields[POSITION]);
    }

    private boolean members(byte[][] known, String[] fields) {
        if (skipSpace() && take('}')) {
            return true;
        }
        int seen = 0;
        do {
            int member = skipSpace() ? name(known) : -1;
            if (member < 0 || (seen & 1 << member) != 0 || !skipSpace() || !take(':') || !skipSpace()) {
                return false;
            }
            seen |= 1 << member;
            if (member == CONTEXT) {
                if (!(take('{') ? members(CONTEXT_NAMES, fields) : literalNull())) {
                    return false;
                }
            } else if (!value() || !store(member, fields)) {
                return false;
            }
        } while (skipSpace() && take(','));
        return skipSpace() && take('}');
    }

    /** Keeps the value just read as the strict reader would; false for a type only it may judge. */
    private boolean store(int member, String[] fields) {
        boolean fits = switch (member) {
            case ID, USER_ID, ITEM_ID, REQUEST_ID -> kind == Kind.TEXT || kind == Kind.WHOLE;
            case TYPE, SURFACE, TIME -> kind == Kind.TEXT;
            case VALUE, POSITION -> kind == Kind.WHOLE || kind == Kind.FRACTION;
            default -> false;
        };
        if (kind == Kind.NULL) {
            // Null counts as absent, as JsonMembers.get has it.
            return true;
        }
        fields[member] = text;
        return fits;
    }

    /** The index of the member name at the cursor among {@code known}; -1 when it is not one of them plainly. */
    private int name(byte[][] known) {
        if (!take('"')) {
            return -1;
        }
        int start = at;
        int end = plainStringEnd(at);
        if (end < 0) {
            return -1;
        }
        at = end + 1;
        for (int index = 0; index < known.length; index++) {
            byte[] candidate = known[index];
            if (candidate != null && Arrays.equals(bytes, start, end, candidate, 0, candidate.length)) {
                return index;
            }
        }
        return -1;
    }

    /** Reads a string, number or null at the cursor into {@link #kind} and {@link #text}; false for anything else. */
    private boolean value() {
        if (at >= bytes.length) {
            return false;
        }
        byte first = bytes[at];
        if (first == '"') {
            int end = plainStringEnd(at + 1);
            if (end < 0) {
                return false;
            }
            text = new String(bytes, at + 1, end - at - 1, StandardCharsets.ISO_8859_1);
            kind = Kind.TEXT;
            at = end + 1;
            return true;
        }
        if (first == 'n') {
            kind = Kind.NULL;
            return literalNull();
        }
        return number();
    }

    /** A number in RFC 8259's grammar, no longer than the strict reader allows, ending where a value may end. */
    private boolean number() {
        int start = at;
        boolean whole = true;
        if (at < bytes.length && bytes[at] == '-') {
            at++;
        }
        if (at < bytes.length && bytes[at] == '0') {
            at++;
        } else if (digits() == 0) {
            return false;
        }
        if (at < bytes.length && bytes[at] == '.') {
            at++;
            whole = false;
            if (digits() == 0) {
                return false;
            }
        }
        if (at < bytes.length && (bytes[at] == 'e' || bytes[at] == 'E')) {
            at++;
            whole = false;
            if (at < bytes.length && (bytes[at] == '+' || bytes[at] == '-')) {
                at++;
            }
            if (digits() == 0) {
                return false;
            }
        }
        if (at - start > StrictJson.MAX_NUMBER_LENGTH || at < bytes.length && !endsValue(bytes[at])) {
            return false;
        }
        text = new String(bytes, start, at - start, StandardCharsets.ISO_8859_1);
        kind = whole ? Kind.WHOLE : Kind.FRACTION;
        return true;
    }

    private int digits() {
        int start = at;
        while (at < bytes.length && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        return at - start;
    }

    private boolean literalNull() {
        if (at + 4 <= bytes.length && bytes[at] == 'n' && bytes[at + 1] == 'u' && bytes[at + 2] == 'l'
                && bytes[at + 3] == 'l' && (at + 4 == bytes.length || endsValue(bytes[at + 4]))) {
            at += 4;
            return true;
        }
        return false;
    }

    /** The index of the closing quote of a string of printable ASCII without escapes starting at {@code from}. */
    private int plainStringEnd(int from) {
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return i;
            }
            // Negative bytes are non-ASCII UTF-8: left to the strict reader, which also refuses malformed UTF-8.
            if (b < 0x20 || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean endsValue(byte b) {
        return b == ',' || b == '}' || b == ']' || isSpace(b);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** Skips JSON whitespace; false when the input ends. */
    private boolean skipSpace() {
        while (at < bytes.length && isSpace(bytes[at])) {
            at++;
        }
        return at < bytes.length;
    }

    private boolean take(char c) {
        if (at < bytes.length && bytes[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private boolean atEnd() {
        return !skipSpace();
    }

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i] == null ? null : names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
