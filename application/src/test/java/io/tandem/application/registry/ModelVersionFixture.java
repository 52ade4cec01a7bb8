package io.tandem.application.registry;

import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds valid model versions for tests, fluently: candidate ranker {@code ranker} {@code v1} with an NDCG@10 of 0.4
 * on {@link #HOLD_OUT}, schema {@code s1}, its artifact under {@code file:///var/tandem/models/<name>/<version>/},
 * created at {@link #CREATED}, unless a method says otherwise. A test names the values its assertions depend on.
 */
public final class ModelVersionFixture {

    public static final Instant CREATED = Instant.parse("2026-11-20T10:00:00.123456Z");
    public static final String HOLD_OUT = "temporal:2026-11-01..2026-11-08";
    public static final TrainingWindow WINDOW =
            new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));

    private String name = "ranker";
    private String version = "v1";
    private ModelKind kind = ModelKind.RANKER;
    private ModelStage stage = ModelStage.CANDIDATE;
    private String holdOut = HOLD_OUT;
    private Map<String, Double> metrics = new LinkedHashMap<>(Map.of("ndcg@10", 0.40));
    private Optional<FeatureSchema> schema = Optional.of(new FeatureSchema("s1", List.of("popularity")));
    private Optional<URI> artifact = Optional.empty();
    private TrainingWindow window = WINDOW;
    private Optional<String> parent = Optional.empty();
    private Instant createdAt = CREATED;
    private Map<String, String> metadata = new LinkedHashMap<>();

    private ModelVersionFixture() {
    }

    public static ModelVersionFixture aVersion() {
        return new ModelVersionFixture();
    }

    /** Version {@code modelVersion} of model {@code modelName}. */
    public static ModelVersionFixture aVersion(String modelName, String modelVersion) {
        return aVersion().named(modelName, modelVersion);
    }

    public ModelVersionFixture named(String modelName, String modelVersion) {
        this.name = modelName;
        this.version = modelVersion;
        return this;
    }

    public ModelVersionFixture version(String modelVersion) {
        this.version = modelVersion;
        return this;
    }

    /** A retriever, which carries no feature schema. */
    public ModelVersionFixture retriever() {
        this.kind = ModelKind.RETRIEVER;
        this.schema = Optional.empty();
        return this;
    }

    public ModelVersionFixture kind(ModelKind modelKind) {
        this.kind = modelKind;
        return this;
    }

    public ModelVersionFixture stage(ModelStage modelStage) {
        this.stage = modelStage;
        return this;
    }

    public ModelVersionFixture ndcg(double ndcgAt10) {
        return metric("ndcg@10", ndcgAt10);
    }

    public ModelVersionFixture metric(String metric, double value) {
        metrics.put(metric, value);
        return this;
    }

    /** Replaces the metrics and their hold-out. */
    public ModelVersionFixture metrics(ModelMetrics all) {
        this.holdOut = all.holdOut();
        this.metrics = new LinkedHashMap<>(all.values());
        return this;
    }

    public ModelVersionFixture holdOut(String split) {
        this.holdOut = split;
        return this;
    }

    public ModelVersionFixture schema(FeatureSchema featureSchema) {
        this.schema = Optional.of(featureSchema);
        return this;
    }

    public ModelVersionFixture schema(Optional<FeatureSchema> featureSchema) {
        this.schema = featureSchema;
        return this;
    }

    public ModelVersionFixture artifact(URI uri) {
        this.artifact = Optional.of(uri);
        return this;
    }

    public ModelVersionFixture artifact(String uri) {
        return artifact(URI.create(uri));
    }

    public ModelVersionFixture window(TrainingWindow trainingWindow) {
        this.window = trainingWindow;
        return this;
    }

    public ModelVersionFixture parent(String parentVersion) {
        this.parent = Optional.of(parentVersion);
        return this;
    }

    public ModelVersionFixture parent(Optional<String> parentVersion) {
        this.parent = parentVersion;
        return this;
    }

    public ModelVersionFixture createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    public ModelVersionFixture metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public ModelVersionFixture metadata(Map<String, String> all) {
        this.metadata = new LinkedHashMap<>(all);
        return this;
    }

    public ModelVersion build() {
        URI uri = artifact.orElseGet(() -> URI.create("file:///var/tandem/models/" + name + "/" + version
                + "/model.onnx"));
        return new ModelVersion(name, version, kind, stage, new ModelMetrics(holdOut, Map.copyOf(metrics)), schema,
                uri, window, parent, createdAt, Map.copyOf(metadata));
    }
}
