package io.tandem.adapters.out.kafka;

import io.tandem.adapters.shared.json.JsonText;
import io.tandem.domain.model.ModelStageChanged;

import java.nio.charset.StandardCharsets;

/**
 * Writes a model stage change as the notification wire format:
 * {@code {"name","version","stage","changedAt"}}, the stage in its wire name ({@code champion}) and the time in
 * ISO-8601. Hand-written with the event format's string escaping, for the same reason as the event format
 * ({@link io.tandem.adapters.shared.json.EventWireFormat}).
 */
final class ModelChangeJson {

    private ModelChangeJson() {
    }

    static byte[] encode(ModelStageChanged change) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"name\":");
        JsonText.appendString(json, change.name());
        json.append(",\"version\":");
        JsonText.appendString(json, change.version());
        json.append(",\"stage\":");
        JsonText.appendString(json, change.stage().wireName());
        json.append(",\"changedAt\":");
        JsonText.appendString(json, change.changedAt().toString());
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
