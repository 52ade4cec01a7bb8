package io.tandem.adapters.in.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tandem.domain.interaction.EventSubmission;

import java.io.IOException;

/**
 * Reads one record value of the event topic into a submission, with the member rules of the HTTP API (ids and time
 * may be strings or numbers, value and position must be numbers), so a record is accepted on the topic exactly when
 * the same JSON would be accepted by {@code POST /v1/events}.
 */
final class EventRecordJson {

    // Trailing tokens fail the read: "{...}garbage" is a broken record, not an event plus noise.
    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventRecordJson() {
    }

    /** The submission a record value holds; anything that is not one JSON object is unreadable. */
    static EventSubmission submission(byte[] value) {
        if (value == null) {
            return new EventSubmission.Unreadable("event", "must be a JSON object, not an empty record");
        }
        JsonNode node;
        try {
            node = READER.readTree(value);
        } catch (JsonProcessingException e) {
            return new EventSubmission.Unreadable("event", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // Reading from a byte array does no I/O; Jackson only declares it.
            return new EventSubmission.Unreadable("event", "is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return new EventSubmission.Unreadable("event", "must be a JSON object");
        }
        try {
            JsonNode context = node.get("context");
            if (context != null && !context.isNull() && !context.isObject()) {
                throw new MalformedMember("context", "must be a JSON object");
            }
            boolean hasContext = context != null && context.isObject();
            return new EventSubmission.Fields(
                    scalar(node, "id", "id"),
                    text(node, "type", "type"),
                    scalar(node, "userId", "userId"),
                    scalar(node, "itemId", "itemId"),
                    scalar(node, "time", "time"),
                    number(node, "value", "value"),
                    hasContext ? text(context, "surface", "context.surface") : null,
                    hasContext ? scalar(context, "requestId", "context.requestId") : null,
                    hasContext ? number(context, "position", "context.position") : null);
        } catch (MalformedMember e) {
            return new EventSubmission.Unreadable(e.field, e.getMessage());
        }
    }

    /** A string, or a number written as text (numeric ids and epoch-millisecond times are common). */
    private static String scalar(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.numberValue().toString();
        }
        throw new MalformedMember(field, "must be a string");
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new MalformedMember(field, "must be a string");
    }

    private static String number(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.numberValue().toString();
        }
        throw new MalformedMember(field, "must be a number");
    }

    /** A member of the wrong JSON type; caught above and turned into an unreadable submission. */
    private static final class MalformedMember extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final String field;

        MalformedMember(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
