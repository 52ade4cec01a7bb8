package io.tandem.adapters.in.http;

import io.tandem.adapters.shared.json.JsonMembers;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.adapters.shared.json.StrictJson;
import io.tandem.domain.InvalidFieldException;

import java.util.List;
import java.util.Map;

/**
 * Reads request bodies with the shared strict reader (ADR-0019): unknown and repeated members, wrong JSON types
 * and malformed documents are refused naming the field, in the same words the Kafka topic and event files use.
 */
final class RequestJson {

    private RequestJson() {
    }

    /** The body as one JSON value; {@code example} shows in the message when the body is empty. */
    static JsonValue parse(byte[] body, String example) {
        if (body == null || body.length == 0) {
            throw new InvalidFieldException("body", "is empty; send " + example);
        }
        return StrictJson.parse("body", body);
    }

    /** The string member {@code name} of {@code object}; absent, it is refused with {@code message}. */
    static String requiredText(JsonMembers object, String name, String message) {
        String text = object.text(name);
        if (text == null) {
            throw new InvalidFieldException(object.field(name), message);
        }
        return text;
    }

    /** The body as a JSON object of the {@code known} members only. */
    static JsonMembers object(byte[] body, String example, List<String> known) {
        return JsonMembers.of("", parse(body, example), known, Map.of());
    }
}
