package io.tandem.adapters.shared.json;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The members of one JSON object of Tandem's API, read strictly: every member name is known, none appears twice,
 * and each has the JSON type its field needs. Every refusal names the field by its path ({@code context.position},
 * {@code attributes.year}) and says what was expected; a member set to {@code null} counts as absent.
 */
public final class JsonMembers {

    private final String prefix;
    private final JsonValue.JsonObject object;

    private JsonMembers(String prefix, JsonValue.JsonObject object) {
        this.prefix = prefix;
        this.object = object;
    }

    /**
     * The members of {@code value}, an object whose member names all belong to {@code known}.
     *
     * @param path    the object's own field path, empty for a top-level object
     * @param aliases names a client may use by mistake, mapped to the known name meant (the "did you mean" hint)
     */
    public static JsonMembers of(String path, JsonValue value, List<String> known, Map<String, String> aliases) {
        if (!(value instanceof JsonValue.JsonObject object)) {
            throw new InvalidFieldException(path.isEmpty() ? "body" : path, "must be a JSON object, not "
                    + value.kind());
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        if (!object.repeated().isEmpty()) {
            String name = object.repeated().get(0);
            throw new InvalidFieldException(prefix + shown(name), "appears more than once; each field may be given "
                    + "once");
        }
        for (String name : object.members().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidFieldException(prefix + shown(name), "unknown field '" + shown(name) + "'"
                        + Suggestion.closest(name, known, aliases).map(s -> "; did you mean '" + s + "'?").orElse(".")
                        + " Known fields: " + String.join(", ", known) + ".");
            }
        }
        return new JsonMembers(prefix, object);
    }

    /** The path of member {@code name}, for messages. */
    public String field(String name) {
        return prefix + name;
    }

    /** The member's value; empty when it is absent or null. */
    public Optional<JsonValue> get(String name) {
        JsonValue value = object.members().get(name);
        return value == null || value instanceof JsonValue.JsonNull ? Optional.empty() : Optional.of(value);
    }

    /** A string member, or null when absent. */
    public String text(String name) {
        return member(name, "a string", value -> value instanceof JsonValue.JsonText text ? text.value() : null);
    }

    /**
     * An identifier: a string, or a whole number taken as the digits it was written with (numeric ids are common);
     * null when absent.
     */
    public String id(String name) {
        return member(name, "a string (or a whole number)", value -> {
            if (value instanceof JsonValue.JsonText text) {
                return text.value();
            }
            return value instanceof JsonValue.JsonNumber number && number.integral() ? number.literal() : null;
        });
    }

    /** A number member as written, or null when absent; text such as {@code "4"} is refused. */
    public String number(String name) {
        return member(name, "a number", value -> value instanceof JsonValue.JsonNumber number ? number.literal() : null);
    }

    /** A boolean member, or empty when absent. */
    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable(member(name, "true or false",
                value -> value instanceof JsonValue.JsonBool bool ? bool.value() : null));
    }

    /** The member read by {@code read}, which answers null for a value of the wrong type; null when absent. */
    private <T> T member(String name, String expected, Function<JsonValue, T> read) {
        Optional<JsonValue> value = get(name);
        if (value.isEmpty()) {
            return null;
        }
        T result = read.apply(value.get());
        if (result == null) {
            throw wrongType(name, expected, value.get());
        }
        return result;
    }

    /**
     * An array of distinct strings, at most {@code maxSize} of them (checked before any is read); empty when absent.
     */
    public List<String> texts(String name, int maxSize) {
        Optional<JsonValue> member = get(name);
        if (member.isEmpty()) {
            return List.of();
        }
        if (!(member.get() instanceof JsonValue.JsonArray array)) {
            throw wrongType(name, "an array of strings", member.get());
        }
        if (array.elements().size() > maxSize) {
            throw new InvalidFieldException(field(name), "holds " + array.elements().size() + " values; at most "
                    + maxSize);
        }
        Set<String> values = new LinkedHashSet<>();
        for (int index = 0; index < array.elements().size(); index++) {
            JsonValue element = array.elements().get(index);
            if (!(element instanceof JsonValue.JsonText text)) {
                throw new InvalidFieldException(field(name) + "[" + index + "]", "must be a string, not "
                        + element.kind());
            }
            if (!values.add(text.value())) {
                throw new InvalidFieldException(field(name), "lists '" + CanonicalText.excerpt(text.value())
                        + "' twice");
            }
        }
        return new ArrayList<>(values);
    }

    /**
     * An object of string values, at most {@code maxSize} members; a null value is refused naming the member
     * ({@code attributes.k}), since absent and null would otherwise mean the same. Empty when absent.
     */
    public Map<String, String> textMap(String name, int maxSize) {
        Optional<JsonValue> member = get(name);
        if (member.isEmpty()) {
            return Map.of();
        }
        if (!(member.get() instanceof JsonValue.JsonObject map)) {
            throw wrongType(name, "an object of strings", member.get());
        }
        if (map.members().size() > maxSize) {
            throw new InvalidFieldException(field(name), "holds " + map.members().size() + " members; at most "
                    + maxSize);
        }
        if (!map.repeated().isEmpty()) {
            throw new InvalidFieldException(field(name) + "." + shown(map.repeated().get(0)),
                    "appears more than once; each field may be given once");
        }
        Map<String, String> values = new LinkedHashMap<>();
        map.members().forEach((key, value) -> {
            if (!(value instanceof JsonValue.JsonText text)) {
                throw new InvalidFieldException(field(name) + "." + shown(key), "must be a string, not "
                        + value.kind() + (value instanceof JsonValue.JsonNull
                        ? "; leave the member out when it has no value" : ""));
            }
            values.put(key, text.value());
        });
        return values;
    }

    private InvalidFieldException wrongType(String name, String expected, JsonValue actual) {
        return new InvalidFieldException(field(name), "must be " + expected + ", not " + actual.kind());
    }

    /** A member name as a message may show it: short, printable and never blank, whatever the client sent. */
    static String shown(String name) {
        return name.isBlank() ? "\"" + name + "\"" : CanonicalText.excerpt(name);
    }
}
