package io.tandem.application.registry;

import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Candidate model versions for service tests. */
public final class Versions {

    public static final String HOLD_OUT = "temporal:2026-11-01..2026-11-08";
    public static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

    private Versions() {
    }

    public static ModelVersion ranker(String name, String version, double ndcg) {
        return ranker(name, version, HOLD_OUT, ndcg);
    }

    public static ModelVersion ranker(String name, String version, String holdOut, double ndcg) {
        return new ModelVersion(name, version, ModelKind.RANKER, ModelStage.CANDIDATE,
                new ModelMetrics(holdOut, Map.of("ndcg@10", ndcg)),
                Optional.of(new FeatureSchema("s1", List.of("popularity"))),
                URI.create("file:///tmp/models/" + name + "/" + version + "/model.onnx"),
                new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")),
                Optional.empty(), CREATED);
    }

    public static ModelVersion retriever(String name, String version) {
        return new ModelVersion(name, version, ModelKind.RETRIEVER, ModelStage.CANDIDATE,
                new ModelMetrics(HOLD_OUT, Map.of("recall@100", 0.5)), Optional.empty(),
                URI.create("file:///tmp/models/" + name + "/" + version + "/index.bin"),
                new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")),
                Optional.empty(), CREATED);
    }
}
