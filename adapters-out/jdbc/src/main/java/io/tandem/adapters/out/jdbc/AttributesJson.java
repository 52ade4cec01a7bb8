package io.tandem.adapters.out.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.data.exceptions.DataAccessException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Free attributes as the text of a flat JSON object, the form the {@code attributes} columns hold. */
final class AttributesJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String EMPTY = "{}";

    private AttributesJson() {
    }

    static String write(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return EMPTY;
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.writeStartObject();
            // Sorted, so equal attributes are always stored as equal text.
            for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
                generator.writeStringField(attribute.getKey(), attribute.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /**
     * Reads an object written by {@link #write}. Numbers and booleans, as an operator may type them by hand,
     * are kept as their text; nulls are dropped because the domain has no null attribute.
     */
    static Map<String, String> read(String json) {
        if (EMPTY.equals(json)) {
            return Map.of();
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notFlatObject(json);
            }
            Map<String, String> attributes = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == null || value.isStructStart()) {
                    throw notFlatObject(json);
                }
                if (value != JsonToken.VALUE_NULL) {
                    attributes.put(name, parser.getText());
                }
            }
            return attributes;
        } catch (IOException e) {
            throw new DataAccessException("Stored attributes are not valid JSON: " + json, e);
        }
    }

    private static DataAccessException notFlatObject(String json) {
        return new DataAccessException("Stored attributes are not a flat JSON object: " + json);
    }
}
