package io.tandem.domain.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds valid candidate model versions for tests; each builder method changes one part. */
public final class ModelVersionFixture {

    private static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

    private String name = "ranker";
    private String version = "v1";
    private ModelKind kind = ModelKind.RANKER;
    private final ModelMetrics metrics = new ModelMetrics("temporal:2026-11-01..2026-11-08", Map.of("ndcg@10", 0.40));
    private Optional<FeatureSchema> schema = Optional.of(new FeatureSchema("s1", List.of("popularity", "seen")));
    private Optional<String> parent = Optional.empty();

    public static ModelVersionFixture aVersion() {
        return new ModelVersionFixture();
    }

    public ModelVersionFixture named(String modelName, String modelVersion) {
        this.name = modelName;
        this.version = modelVersion;
        return this;
    }

    public ModelVersionFixture retriever() {
        this.kind = ModelKind.RETRIEVER;
        this.schema = Optional.empty();
        return this;
    }

    public ModelVersionFixture withParent(String parentVersion) {
        this.parent = Optional.of(parentVersion);
        return this;
    }

    public ModelVersion build() {
        return new ModelVersion(name, version, kind, ModelStage.CANDIDATE, metrics, schema,
                URI.create("file:///tmp/tandem/models/model.onnx"),
                new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")),
                parent, CREATED);
    }
}
