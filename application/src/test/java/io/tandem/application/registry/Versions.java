package io.tandem.application.registry;

import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelVersion;

import java.time.Instant;
import java.util.Map;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;

/** Candidate model versions for service tests: the ranker and retriever shapes they register most. */
public final class Versions {

    public static final String HOLD_OUT = ModelVersionFixture.HOLD_OUT;
    public static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

    private Versions() {
    }

    public static ModelVersion ranker(String name, String version, double ndcg) {
        return ranker(name, version, HOLD_OUT, ndcg);
    }

    public static ModelVersion ranker(String name, String version, String holdOut, double ndcg) {
        return aVersion(name, version).holdOut(holdOut).ndcg(ndcg).createdAt(CREATED)
                .artifact("file:///tmp/models/" + name + "/" + version + "/model.onnx").build();
    }

    public static ModelVersion retriever(String name, String version) {
        return aVersion(name, version).retriever().metrics(new ModelMetrics(HOLD_OUT, Map.of("recall@100", 0.5)))
                .createdAt(CREATED)
                .artifact("file:///tmp/models/" + name + "/" + version + "/index.bin").build();
    }
}
