package io.tandem.adapters.in.http;

import io.micronaut.json.tree.JsonNode;
import io.tandem.domain.interaction.EventSubmission;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the events of a request body leniently enough to keep every good event: each element becomes a
 * submission, and an element that is not even shaped like an event becomes an unreadable one that the
 * domain reports by index.
 */
final class EventJson {

    private EventJson() {
    }

    /** The body's events: a JSON array of event objects, or a single event object. */
    static List<EventSubmission> submissions(JsonNode body) {
        if (body.isObject()) {
            return List.of(submission(body));
        }
        if (!body.isArray()) {
            throw new MalformedBodyException("body", "must be a JSON array of events or one event object");
        }
        List<EventSubmission> submissions = new ArrayList<>(body.size());
        for (JsonNode element : body.values()) {
            submissions.add(submission(element));
        }
        return submissions;
    }

    /** The number of elements, without reading them, so an oversized batch is refused cheaply. */
    static int count(JsonNode body) {
        return body.isArray() ? body.size() : 1;
    }

    private static EventSubmission submission(JsonNode node) {
        if (!node.isObject()) {
            return new EventSubmission.Unreadable("event", "must be a JSON object");
        }
        try {
            JsonNode context = node.get("context");
            if (context != null && !context.isNull() && !context.isObject()) {
                throw new MalformedBodyException("context", "must be a JSON object");
            }
            return new EventSubmission.Fields(
                    scalar(node, "id"),
                    text(node, "type"),
                    scalar(node, "userId"),
                    scalar(node, "itemId"),
                    scalar(node, "time"),
                    number(node, "value", "value"),
                    context == null ? null : text(context, "surface", "context.surface"),
                    context == null ? null : scalar(context, "requestId", "context.requestId"),
                    context == null ? null : number(context, "position", "context.position"));
        } catch (MalformedBodyException e) {
            return new EventSubmission.Unreadable(e.field(), e.getMessage());
        }
    }

    private static String scalar(JsonNode node, String name) {
        return scalar(node, name, name);
    }

    /** A string, or a number written as text (numeric ids are common); anything else is refused. */
    private static String scalar(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.getStringValue();
        }
        if (value.isNumber()) {
            return value.getNumberValue().toString();
        }
        throw new MalformedBodyException(field, "must be a string");
    }

    private static String text(JsonNode node, String name) {
        return text(node, name, name);
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.getStringValue();
        }
        throw new MalformedBodyException(field, "must be a string");
    }

    private static String number(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.getNumberValue().toString();
        }
        throw new MalformedBodyException(field, "must be a number");
    }
}
