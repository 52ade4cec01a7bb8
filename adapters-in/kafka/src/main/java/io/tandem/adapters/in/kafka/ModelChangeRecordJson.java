package io.tandem.adapters.in.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelStageChanged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads one record of the model notification topic: {@code {"name","version","stage","changedAt"}}. */
final class ModelChangeRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelChangeRecordJson() {
    }

    /**
     * @throws InvalidFieldException naming the member that is missing or wrong
     * @throws UncheckedIOException  when the value is not JSON at all
     */
    static ModelStageChanged decode(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidFieldException("record", "has no value");
        }
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFieldException("record", "is not a JSON object");
        }
        String changedAt = text(root, "changedAt");
        Instant at;
        try {
            at = Instant.parse(changedAt);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("changedAt", "'" + changedAt + "' is not an ISO-8601 instant");
        }
        return new ModelStageChanged(text(root, "name"), text(root, "version"),
                ModelStage.fromWireName("stage", text(root, "stage")), at);
    }

    private static String text(JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(member, "is required");
        }
        if (!node.isTextual()) {
            throw new InvalidFieldException(member, "must be a string");
        }
        return InvalidFieldException.requireText(member, node.textValue());
    }
}
