package io.tandem.adapters.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.tandem.domain.InvalidFieldException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON document (RFC 8259, UTF-8) into a {@link JsonValue} tree, refusing what a lenient reader would
 * guess at: trailing content, invalid UTF-8, nesting deeper than {@value #MAX_DEPTH}, numbers longer than
 * {@value #MAX_NUMBER_LENGTH} characters and member names longer than {@value #MAX_NAME_LENGTH}. A repeated member
 * name is not an error here but is recorded on its object, so a batch can refuse just the record that holds it.
 * Messages name the line and column and never a class or a parser setting.
 */
public final class StrictJson {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private StrictJson() {
    }

    /**
     * The document in {@code bytes}; fails naming {@code field} (the body, a record, a line) when it is empty or not
     * one well-formed JSON value.
     */
    public static JsonValue parse(String field, byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidFieldException(field, "is empty; expected a JSON value");
            }
            JsonValue value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new InvalidFieldException(field, "malformed JSON at " + where(parser.currentTokenLocation())
                        + ": more content after the JSON value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new InvalidFieldException(field, "malformed JSON: " + constraintBroken(e));
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException(field, "malformed JSON at " + where(e.getLocation()) + ": "
                    + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            // Reading from a byte array does no I/O; the parser only declares it.
            throw new InvalidFieldException(field, "malformed JSON");
        }
    }

    private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> new JsonValue.JsonText(parser.getText());
            case VALUE_NUMBER_INT -> new JsonValue.JsonNumber(parser.getText(), true);
            case VALUE_NUMBER_FLOAT -> new JsonValue.JsonNumber(parser.getText(), false);
            case VALUE_TRUE -> new JsonValue.JsonBool(true);
            case VALUE_FALSE -> new JsonValue.JsonBool(false);
            case VALUE_NULL -> new JsonValue.JsonNull();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        };
    }

    private static JsonValue object(JsonParser parser) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        // Nearly every object repeats no name: the set is made for the first repetition only.
        Set<String> repeated = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonValue value = read(parser, parser.nextToken());
            if (members.putIfAbsent(name, value) != null) {
                if (repeated == null) {
                    repeated = new LinkedHashSet<>();
                }
                repeated.add(name);
            }
        }
        return new JsonValue.JsonObject(members, repeated == null ? List.of() : new ArrayList<>(repeated));
    }

    private static JsonValue array(JsonParser parser) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            elements.add(read(parser, token));
        }
        return new JsonValue.JsonArray(elements);
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String constraintBroken(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.contains("Number value length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (message.contains("Name length")) {
            return "a member name longer than " + MAX_NAME_LENGTH + " characters";
        }
        return "a value beyond the parser's limits";
    }

    /**
     * The parser's own description of the mistake without its internals: no source description, no quoted method
     * names, one line, at most 160 characters.
     */
    static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message;
        for (String cut : new String[] {"\n", " (start marker", " at [Source", "; line:"}) {
            int at = text.indexOf(cut);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        text = text.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
