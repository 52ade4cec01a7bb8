package io.tandem.adapters.shared.json;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventSubmission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tandem's public event wire format, the JSON object that {@code POST /v1/events}, the Kafka topic and
 * {@code tandem import events} carry: {@code {"id","type","userId","itemId","time","value",
 * "context":{"surface","requestId","position"}}}. One reader for all three, so a record is accepted on one path
 * exactly when it would be on the others, with the same message when it is not; and the one writer the Kafka event
 * log uses, whose output the reader takes back unchanged.
 *
 * <p>Members: ids are strings (or whole numbers, read as their digits); {@code type} and {@code surface} strings;
 * {@code time} an ISO-8601 string with offset, or whole epoch milliseconds as a number (digits in a string are
 * refused, ADR-0019); {@code value} and {@code position} numbers. Any other member, and any member given twice, is
 * refused naming it.
 */
public final class EventWireFormat {

    static final List<String> EVENT_FIELDS = List.of("id", "type", "userId", "itemId", "time", "value", "context");
    static final List<String> CONTEXT_FIELDS = List.of("surface", "requestId", "position");
    /** Names clients reach for by habit, with the field they mean. */
    static final Map<String, String> EVENT_ALIASES = Map.ofEntries(
            Map.entry("timestamp", "time"), Map.entry("ts", "time"), Map.entry("eventTime", "time"),
            Map.entry("event_time", "time"), Map.entry("user", "userId"), Map.entry("user_id", "userId"),
            Map.entry("item", "itemId"), Map.entry("item_id", "itemId"), Map.entry("event", "type"),
            Map.entry("eventType", "type"), Map.entry("event_type", "type"), Map.entry("eventId", "id"),
            Map.entry("event_id", "id"), Map.entry("rating", "value"), Map.entry("price", "value"),
            Map.entry("dwell", "value"), Map.entry("requestId", "context.requestId"), Map.entry("surface", "context.surface"),
            Map.entry("position", "context.position"));
    static final Map<String, String> CONTEXT_ALIASES = Map.of("request_id", "requestId", "rank", "position",
            "page", "surface");

    private EventWireFormat() {
    }

    /**
     * The events of a request body: an array of event objects, or a single event object. Each element becomes a
     * submission, and an element that breaks the format becomes an unreadable one naming the field, so the rest of
     * the batch is still judged.
     */
    public static List<EventSubmission> batch(JsonValue body) {
        if (body instanceof JsonValue.JsonObject) {
            return List.of(submission(body));
        }
        if (!(body instanceof JsonValue.JsonArray array)) {
            throw new InvalidFieldException("body", "must be a JSON array of events or one event object, not "
                    + body.kind());
        }
        List<EventSubmission> submissions = new ArrayList<>(array.elements().size());
        for (JsonValue element : array.elements()) {
            submissions.add(submission(element));
        }
        return submissions;
    }

    /**
     * The events of a request body read straight from its bytes when it is plainly well-formed (the usual case), or
     * empty when it must be read with {@link StrictJson} and {@link #batch(JsonValue)}, which then judge it exactly as
     * always. A present list may hold more events than a batch may; check its size as {@link #count} would be.
     */
    public static Optional<List<EventSubmission>> plainBatch(byte[] body) {
        return Optional.ofNullable(EventTokens.batch(body));
    }

    /** The number of events a body holds, without reading them, so an oversized batch is refused cheaply. */
    public static int count(JsonValue body) {
        return body instanceof JsonValue.JsonArray array ? array.elements().size() : 1;
    }

    /** One record of the topic or one line of a file: a single event object. */
    public static EventSubmission record(byte[] bytes) {
        if (bytes == null) {
            return new EventSubmission.Unreadable("event", "must be a JSON object, not an empty record");
        }
        EventSubmission.Fields plain = EventTokens.record(bytes);
        if (plain != null) {
            return plain;
        }
        try {
            return submission(StrictJson.parse("event", bytes));
        } catch (InvalidFieldException e) {
            return new EventSubmission.Unreadable(e.field(), e.reason());
        }
    }

    /** One element of a batch. */
    public static EventSubmission submission(JsonValue element) {
        if (!(element instanceof JsonValue.JsonObject)) {
            return new EventSubmission.Unreadable("event", "must be a JSON object, not " + element.kind());
        }
        try {
            JsonMembers event = JsonMembers.of("", element, EVENT_FIELDS, EVENT_ALIASES);
            JsonMembers context = event.get("context").isPresent()
                    ? JsonMembers.of("context", event.get("context").get(), CONTEXT_FIELDS, CONTEXT_ALIASES)
                    : null;
            return new EventSubmission.Fields(
                    event.id("id"),
                    event.text("type"),
                    event.id("userId"),
                    event.id("itemId"),
                    time(event),
                    event.number("value"),
                    context == null ? null : context.text("surface"),
                    context == null ? null : context.id("requestId"),
                    context == null ? null : context.number("position"));
        } catch (InvalidFieldException e) {
            return new EventSubmission.Unreadable(e.field(), e.reason());
        }
    }

    /** ISO-8601 text as given, or whole epoch milliseconds turned into ISO-8601 for the domain to judge. */
    private static String time(JsonMembers event) {
        return event.get("time").map(value -> {
            if (value instanceof JsonValue.JsonText text) {
                return text.value();
            }
            if (value instanceof JsonValue.JsonNumber number && number.integral()) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(number.literal())).toString();
                } catch (NumberFormatException e) {
                    throw new InvalidFieldException("time", "epoch milliseconds beyond any representable time");
                }
            }
            throw new InvalidFieldException("time", "must be an ISO-8601 string with offset or whole epoch "
                    + "milliseconds, not " + (value instanceof JsonValue.JsonNumber ? "a fraction" : value.kind()));
        }).orElse(null);
    }

    /** The event as UTF-8 JSON, absent members left out. */
    public static byte[] encode(Event event) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"id\":");
        JsonText.appendString(json, event.id().value());
        json.append(",\"type\":");
        JsonText.appendString(json, event.type().wireName());
        json.append(",\"userId\":");
        JsonText.appendString(json, event.user().value());
        json.append(",\"itemId\":");
        JsonText.appendString(json, event.item().value());
        json.append(",\"time\":");
        JsonText.appendInstant(json, event.time());
        if (event.value().isPresent()) {
            json.append(",\"value\":");
            JsonText.appendNumber(json, event.value().getAsDouble());
        }
        json.append(",\"context\":{");
        EventContext context = event.context();
        boolean first = true;
        if (context.surface().isPresent()) {
            json.append("\"surface\":");
            JsonText.appendString(json, context.surface().get());
            first = false;
        }
        if (context.requestId().isPresent()) {
            json.append(first ? "" : ",").append("\"requestId\":");
            JsonText.appendString(json, context.requestId().get());
            first = false;
        }
        if (context.position().isPresent()) {
            json.append(first ? "" : ",").append("\"position\":").append(context.position().getAsInt());
        }
        json.append("}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
