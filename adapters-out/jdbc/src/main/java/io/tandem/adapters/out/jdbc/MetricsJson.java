package io.tandem.adapters.out.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.data.exceptions.DataAccessException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model metrics as the text of a flat JSON object of numbers, the form the {@code metrics} column holds, and version
 * metadata as one of strings ({@code metadata}).
 */
final class MetricsJson {

    private static final JsonFactory JSON = new JsonFactory();

    private MetricsJson() {
    }

    static String write(Map<String, Double> metrics) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.writeStartObject();
            // Sorted, so equal metrics are always stored as equal text.
            for (Map.Entry<String, Double> metric : new TreeMap<>(metrics).entrySet()) {
                // Jackson writes a double's shortest exact text, so it reads back to the same bits.
                generator.writeNumberField(metric.getKey(), metric.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    static Map<String, Double> read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notFlatObject(json);
            }
            Map<String, Double> metrics = new TreeMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
                    throw notFlatObject(json);
                }
                metrics.put(name, parser.getDoubleValue());
            }
            return metrics;
        } catch (IOException e) {
            throw new DataAccessException("Stored metrics are not valid JSON: " + json, e);
        }
    }

    /** A flat JSON object of strings, sorted by key (version metadata). */
    static String writeText(Map<String, String> entries) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.writeStartObject();
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                generator.writeStringField(entry.getKey(), entry.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    static Map<String, String> readText(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notFlatText(json);
            }
            Map<String, String> entries = new TreeMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw notFlatText(json);
                }
                entries.put(name, parser.getText());
            }
            return entries;
        } catch (IOException e) {
            throw new DataAccessException("Stored metadata is not valid JSON: " + json, e);
        }
    }

    private static DataAccessException notFlatText(String json) {
        return new DataAccessException("Stored metadata is not a flat JSON object of strings: " + json);
    }

    private static DataAccessException notFlatObject(String json) {
        return new DataAccessException("Stored metrics are not a flat JSON object of numbers: " + json);
    }
}
