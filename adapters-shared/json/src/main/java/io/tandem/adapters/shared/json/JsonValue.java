package io.tandem.adapters.shared.json;

import java.util.List;
import java.util.Map;

/** One value of a JSON document as {@link StrictJson} read it. */
public sealed interface JsonValue {

    /** What a member of this kind is called in an error message: "a string", "an array", ... */
    String kind();

    /** A string, as decoded (escapes resolved). */
    record JsonText(String value) implements JsonValue {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /**
     * A number, kept as it was written, so nothing is rounded before a field decides what it needs.
     *
     * @param integral whether the literal has neither fraction nor exponent
     */
    record JsonNumber(String literal, boolean integral) implements JsonValue {
        @Override
        public String kind() {
            return "a number";
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBool(boolean value) implements JsonValue {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    /** {@code null}. */
    record JsonNull() implements JsonValue {
        @Override
        public String kind() {
            return "null";
        }
    }

    /** An array, in document order. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public String kind() {
            return "an array";
        }
    }

    /**
     * An object: its members in document order (the first of a repeated name kept), and the names that appeared
     * more than once, which every reader of Tandem refuses instead of picking one.
     */
    record JsonObject(Map<String, JsonValue> members, List<String> repeated) implements JsonValue {
        public JsonObject {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
            repeated = List.copyOf(repeated);
        }

        @Override
        public String kind() {
            return "an object";
        }
    }
}
