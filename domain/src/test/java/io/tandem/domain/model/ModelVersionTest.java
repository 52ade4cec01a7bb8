package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.tandem.domain.model.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelVersionTest {

    @Test
    void aRankerNeedsAFeatureSchemaARetrieverDoesNot() {
        ModelVersion ranker = aVersion().build();

        assertThatThrownBy(() -> new ModelVersion("r", "v1", ModelKind.RANKER, ModelStage.CANDIDATE,
                ranker.metrics(), Optional.empty(), ranker.artifactUri(), ranker.trainingWindow(), Optional.empty(),
                ranker.createdAt()))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("schema");
        assertThat(aVersion().retriever().build().schema()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".hidden", "a/b", "a b", "-v", ""})
    void namesThatCannotBeAPathSegmentAreRefused(String bad) {
        assertThatThrownBy(() -> aVersion().named("ranker", bad).build())
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("version");
        assertThatThrownBy(() -> aVersion().named(bad, "v1").build())
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("name");
    }

    @Test
    void aVersionIsNotItsOwnParentAndNeedsAnAbsoluteArtifactUri() {
        assertThatThrownBy(() -> aVersion().named("ranker", "v2").withParent("v2").build())
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("parent");
        ModelVersion valid = aVersion().build();
        assertThatThrownBy(() -> new ModelVersion("r", "v1", ModelKind.RANKER, ModelStage.CANDIDATE, valid.metrics(),
                valid.schema(), URI.create("models/r/v1/model.onnx"), valid.trainingWindow(), Optional.empty(),
                valid.createdAt()))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("artifactUri");
    }

    @Test
    void aTrainingWindowEndsNoEarlierThanItStarts() {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");

        assertThat(new TrainingWindow(at, at).to()).isEqualTo(at);
        assertThatThrownBy(() -> new TrainingWindow(at, at.minusSeconds(1)))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("trainingWindow.to");
    }

    @Test
    void metricsAreSortedByNameAndMustBeFinite() {
        Map<String, Double> values = new HashMap<>();
        values.put("recall@10", 0.3);
        values.put("map@10", 0.2);
        values.put("ndcg@10", 0.4);

        assertThat(new ModelMetrics("h", values).values().keySet()).containsExactly("map@10", "ndcg@10", "recall@10");
        assertThatThrownBy(() -> new ModelMetrics("h", Map.of("ndcg@10", Double.NaN)))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("metrics.ndcg@10");
    }

    @Test
    void withStageChangesOnlyTheStage() {
        ModelVersion candidate = aVersion().build();

        ModelVersion champion = candidate.withStage(ModelStage.CHAMPION);

        assertThat(champion.stage()).isEqualTo(ModelStage.CHAMPION);
        assertThat(champion.withStage(ModelStage.CANDIDATE)).isEqualTo(candidate);
        assertThat(champion.ref()).isEqualTo(new ModelRef("ranker", "v1"));
    }

    @Test
    void anArtifactKeyLaysOutModelsNameVersionFile() {
        assertThat(new ArtifactKey("ranker", "v7", "model.onnx").path()).isEqualTo("models/ranker/v7/model.onnx");
        assertThatThrownBy(() -> new ArtifactKey("ranker", "v7", "../escape"))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("file");
    }

    @Test
    void wireNamesRoundTrip() {
        for (ModelKind kind : ModelKind.values()) {
            assertThat(ModelKind.fromWireName("kind", kind.wireName())).isEqualTo(kind);
            assertThatThrownBy(() -> ModelKind.fromWireName("kind", kind.wireName().toUpperCase()))
                    .as("wire names are exact").isInstanceOf(InvalidFieldException.class);
        }
        for (ModelStage stage : ModelStage.values()) {
            assertThat(ModelStage.fromWireName("stage", stage.wireName())).isEqualTo(stage);
        }
        assertThatThrownBy(() -> ModelStage.fromWireName("stage", "production"))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void anArtifactUriOfEitherStoreIsShownAsItsStoreRelativeKey() {
        assertThat(ArtifactKey.of(java.net.URI.create("file:///home/me/.tandem/models/two-stage/v3/ranker.onnx")))
                .map(ArtifactKey::path).hasValue("models/two-stage/v3/ranker.onnx");
        assertThat(ArtifactKey.of(java.net.URI.create("s3://bucket/prefix/models/two-stage/v3/ranker.onnx")))
                .map(ArtifactKey::path).hasValue("models/two-stage/v3/ranker.onnx");
        assertThat(ArtifactKey.of(java.net.URI.create("file:///somewhere/else.onnx"))).isEmpty();
    }

    @Test
    void paddedNamesAreRefusedNotTrimmed() {
        assertThatThrownBy(() -> ModelNames.require("name", " two-stage "))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
