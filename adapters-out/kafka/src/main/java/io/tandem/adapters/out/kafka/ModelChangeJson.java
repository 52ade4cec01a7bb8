package io.tandem.adapters.out.kafka;

import io.tandem.domain.model.ModelStageChanged;

import java.nio.charset.StandardCharsets;

/**
 * Writes a model stage change as the notification wire format:
 * {@code {"name","version","stage","changedAt"}}, the stage in its wire name ({@code champion}) and the time in
 * ISO-8601. Hand-written with the event format's string escaping, for the same reason as {@link EventJson}.
 */
final class ModelChangeJson {

    private ModelChangeJson() {
    }

    static byte[] encode(ModelStageChanged change) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"name\":");
        EventJson.appendString(json, change.name());
        json.append(",\"version\":");
        EventJson.appendString(json, change.version());
        json.append(",\"stage\":");
        EventJson.appendString(json, change.stage().wireName());
        json.append(",\"changedAt\":");
        EventJson.appendString(json, change.changedAt().toString());
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
