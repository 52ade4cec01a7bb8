package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One trained version of a named model, as the registry keeps it: what it is, where it stands, how well it
 * did offline, which features it reads (rankers always name them; a retriever may read none), where its
 * artifact lies, what data it learnt from and which version it was trained to replace.
 *
 * @param parent the version of the same model this one was trained from or against, if any
 */
public record ModelVersion(String name, String version, ModelKind kind, ModelStage stage, ModelMetrics metrics,
                           Optional<FeatureSchema> schema, URI artifactUri, TrainingWindow trainingWindow,
                           Optional<String> parent, Instant createdAt) {

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
    }

    /** This version at another stage. */
    public ModelVersion withStage(ModelStage next) {
        return new ModelVersion(name, version, kind, next, metrics, schema, artifactUri, trainingWindow, parent,
                createdAt);
    }

    /** How answers name this version. */
    public ModelRef ref() {
        return new ModelRef(name, version);
    }
}
