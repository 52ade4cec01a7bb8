package io.tandem.adapters.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tandem.domain.interaction.EventSubmission;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads events straight from the token stream into {@link EventSubmission.Fields}, with no tree and no member maps:
 * every event of the ingest path and every record of the log goes through here, twice per record on the log (one
 * read per consumer group), and the tree reader cost about 3 KB of garbage and most of a consumer's CPU per event.
 *
 * <p>It takes only what it can read exactly as {@link EventWireFormat} would: known members, each at most once, of
 * the JSON types their fields take, ids as strings or whole numbers and {@code time} as a string. Anything else (an
 * unknown or repeated member, a wrong type, an epoch-millisecond time, malformed JSON, a non-object element) makes
 * it answer null, and the caller reads the same bytes again with {@link StrictJson} and {@link JsonMembers}, which
 * alone word refusals. So a document is judged the same whichever reader took it; only well-formed input is faster.
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

    private EventTokens() {
    }

    /** The single event object in {@code bytes}, or null when the strict reader must judge them. */
    static EventSubmission.Fields record(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (JsonParser parser = StrictJson.FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            EventSubmission.Fields event = event(parser);
            return event != null && parser.nextToken() == null ? event : null;
        } catch (IOException | RuntimeException e) {
            // Malformed or beyond the parser's limits: the strict reader finds the same fault and words it.
            return null;
        }
    }

    /**
     * The events of a request body (an array of event objects, or one event object), or null when the strict reader
     * must judge it. The list may be longer than a batch may hold; the caller checks, as it does after the strict
     * reader.
     */
    static List<EventSubmission> batch(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try (JsonParser parser = StrictJson.FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            List<EventSubmission> events;
            if (first == JsonToken.START_OBJECT) {
                EventSubmission.Fields event = event(parser);
                events = event == null ? null : List.of(event);
            } else if (first == JsonToken.START_ARRAY) {
                events = elements(parser);
            } else {
                return null;
            }
            return events != null && parser.nextToken() == null ? events : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<EventSubmission> elements(JsonParser parser) throws IOException {
        List<EventSubmission> events = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            EventSubmission.Fields event = token == JsonToken.START_OBJECT ? event(parser) : null;
            if (event == null) {
                return null;
            }
            events.add(event);
        }
        return events;
    }

    /** The members of the object whose START_OBJECT was just read, up to its END_OBJECT; null to defer. */
    private static EventSubmission.Fields event(JsonParser parser) throws IOException {
        String[] fields = new String[POSITION + 1];
        int seen = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            int member = topMember(parser.currentName());
            if (member < 0 || (seen & 1 << member) != 0) {
                return null;
            }
            seen |= 1 << member;
            JsonToken value = parser.nextToken();
            if (member == CONTEXT) {
                if (value == JsonToken.START_OBJECT) {
                    if (!context(parser, fields)) {
                        return null;
                    }
                } else if (value != JsonToken.VALUE_NULL) {
                    return null;
                }
            } else if (!take(parser, value, member, fields)) {
                return null;
            }
        }
        return new EventSubmission.Fields(fields[ID], fields[TYPE], fields[USER_ID], fields[ITEM_ID], fields[TIME],
                fields[VALUE], fields[SURFACE], fields[REQUEST_ID], fields[POSITION]);
    }

    private static boolean context(JsonParser parser, String[] fields) throws IOException {
        int seen = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            int member = contextMember(parser.currentName());
            if (member < 0 || (seen & 1 << member) != 0) {
                return false;
            }
            seen |= 1 << member;
            if (!take(parser, parser.nextToken(), member, fields)) {
                return false;
            }
        }
        return true;
    }

    /** Stores the member's text as the strict reader would; false for a type only it may judge. */
    private static boolean take(JsonParser parser, JsonToken value, int member, String[] fields) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            // Null counts as absent, as JsonMembers.get has it.
            return true;
        }
        boolean fits = switch (member) {
            case ID, USER_ID, ITEM_ID, REQUEST_ID -> value == JsonToken.VALUE_STRING
                    || value == JsonToken.VALUE_NUMBER_INT;
            case TYPE, SURFACE, TIME -> value == JsonToken.VALUE_STRING;
            case VALUE, POSITION -> value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
            default -> false;
        };
        if (fits) {
            fields[member] = parser.getText();
        }
        return fits;
    }

    private static int topMember(String name) {
        return switch (name) {
            case "id" -> ID;
            case "type" -> TYPE;
            case "userId" -> USER_ID;
            case "itemId" -> ITEM_ID;
            case "time" -> TIME;
            case "value" -> VALUE;
            case "context" -> CONTEXT;
            default -> -1;
        };
    }

    private static int contextMember(String name) {
        return switch (name) {
            case "surface" -> SURFACE;
            case "requestId" -> REQUEST_ID;
            case "position" -> POSITION;
            default -> -1;
        };
    }
}
