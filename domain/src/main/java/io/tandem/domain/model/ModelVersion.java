package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One trained version of a named model, as the registry keeps it: what it is, where it stands, how well it
 * did offline, which features it reads (rankers always name them; a retriever may read none), where its
 * artifact lies, what data it learnt from and which version it was trained to replace.
 *
 * @param parent   the version of the same model this one was trained from or against, if any
 * @param metadata how it was trained, beyond the fields above: for a trained two-stage version whether it was
 *                 refit on the whole window after its hold-out measurement, the hold-out's cut, the interactions
 *                 it learnt from and the recency settings chosen on the hold-out (ADR-0022); sorted by key
 */
public record ModelVersion(String name, String version, ModelKind kind, ModelStage stage, ModelMetrics metrics,
                           Optional<FeatureSchema> schema, URI artifactUri, TrainingWindow trainingWindow,
                           Optional<String> parent, Instant createdAt, Map<String, String> metadata) {

    /** At most this many metadata entries, each key and value at most {@value #MAX_METADATA_TEXT} characters. */
    public static final int MAX_METADATA_ENTRIES = 32;
    public static final int MAX_METADATA_TEXT = 256;

    public ModelVersion {
        name = ModelNames.require("name", name);
        version = ModelNames.require("version", version);
        if (kind == null) {
            throw new InvalidFieldException("kind", "is required");
        }
        if (stage == null) {
            throw new InvalidFieldException("stage", "is required");
        }
        if (metrics == null) {
            throw new InvalidFieldException("metrics", "are required");
        }
        Objects.requireNonNull(schema, "schema");
        if (kind == ModelKind.RANKER && schema.isEmpty()) {
            throw new InvalidFieldException("schema", "is required for a ranker");
        }
        if (artifactUri == null || !artifactUri.isAbsolute()) {
            throw new InvalidFieldException("artifactUri", "must be an absolute URI");
        }
        if (trainingWindow == null) {
            throw new InvalidFieldException("trainingWindow", "is required");
        }
        parent = Objects.requireNonNull(parent, "parent").map(p -> ModelNames.require("parent", p));
        if (parent.isPresent() && parent.get().equals(version)) {
            throw new InvalidFieldException("parent", "must not be the version itself");
        }
        if (createdAt == null) {
            throw new InvalidFieldException("createdAt", "is required");
        }
        if (metadata == null) {
            throw new InvalidFieldException("metadata", "is required (empty when there is none)");
        }
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw new InvalidFieldException("metadata", "holds at most " + MAX_METADATA_ENTRIES + " entries");
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank() || key.length() > MAX_METADATA_TEXT || entry.getValue() == null
                    || entry.getValue().length() > MAX_METADATA_TEXT) {
                throw new InvalidFieldException("metadata", "keys must be non-blank and keys and values at most "
                        + MAX_METADATA_TEXT + " characters");
            }
        }
        metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    }

    /** A version without metadata. */
    public ModelVersion(String name, String version, ModelKind kind, ModelStage stage, ModelMetrics metrics,
                        Optional<FeatureSchema> schema, URI artifactUri, TrainingWindow trainingWindow,
                        Optional<String> parent, Instant createdAt) {
        this(name, version, kind, stage, metrics, schema, artifactUri, trainingWindow, parent, createdAt, Map.of());
    }

    /** This version at another stage. */
    public ModelVersion withStage(ModelStage next) {
        return new ModelVersion(name, version, kind, next, metrics, schema, artifactUri, trainingWindow, parent,
                createdAt, metadata);
    }

    /** How answers name this version. */
    public ModelRef ref() {
        return new ModelRef(name, version);
    }
}
