package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The ordered, versioned list of features a model consumes. Training and serving build feature vectors from
 * the same schema, and the schema is stored with the model version, so a model never sees features in an
 * order it was not trained on.
 */
public record FeatureSchema(String version, List<String> features) {

    public FeatureSchema {
        version = InvalidFieldException.requireText("schema.version", version);
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        if (features.isEmpty()) {
            throw new InvalidFieldException("schema.features", "must name at least one feature");
        }
        if (new HashSet<>(features).size() != features.size()) {
            throw new InvalidFieldException("schema.features", "must not repeat a feature");
        }
    }

    public int size() {
        return features.size();
    }

    /** The position of {@code feature} in vectors built from this schema. */
    public int indexOf(String feature) {
        int index = features.indexOf(feature);
        if (index < 0) {
            throw new InvalidFieldException("feature", "'" + feature + "' is not in schema " + version);
        }
        return index;
    }
}
