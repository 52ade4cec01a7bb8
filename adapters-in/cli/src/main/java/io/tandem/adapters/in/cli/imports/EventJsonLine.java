package io.tandem.adapters.in.cli.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.EventSubmission;

import java.util.Optional;

/**
 * Reads the lines of an NDJSON events file in the public wire format
 * ({@code {"id","type","userId","itemId","time","value","context":{"surface","requestId","position"}}}) with the
 * same leniency as {@code POST /v1/events}: ids may be strings or numbers, and the domain judges the rest.
 */
final class EventJsonLine implements LineParser<EventSubmission> {

    // One object per line: text after it means the line is broken, not that it holds two events.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Blank lines hold no event; a line that is not a JSON event object throws, naming the field at fault. */
    @Override
    public Optional<EventSubmission> parse(long number, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("event", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new InvalidFieldException("event", "must be a JSON object");
        }
        JsonNode context = node.get("context");
        if (context != null && !context.isNull() && !context.isObject()) {
            throw new InvalidFieldException("context", "must be a JSON object");
        }
        boolean hasContext = context != null && context.isObject();
        return Optional.of(new EventSubmission.Fields(
                scalar(node, "id", "id"),
                string(node, "type", "type"),
                scalar(node, "userId", "userId"),
                scalar(node, "itemId", "itemId"),
                scalar(node, "time", "time"),
                number(node, "value", "value"),
                hasContext ? string(context, "surface", "context.surface") : null,
                hasContext ? scalar(context, "requestId", "context.requestId") : null,
                hasContext ? number(context, "position", "context.position") : null));
    }

    /** A string, or a number written as text: numeric ids and epoch-millisecond times are common. */
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
        throw new InvalidFieldException(field, "must be a string or a number");
    }

    private static String string(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new InvalidFieldException(field, "must be a string");
    }

    private static String number(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.numberValue().toString();
        }
        throw new InvalidFieldException(field, "must be a number");
    }
}
