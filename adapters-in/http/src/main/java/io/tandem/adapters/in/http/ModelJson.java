package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;

import java.util.List;
import java.util.Map;

/** The JSON shapes of the model registry's answers, and their mapping from the domain. */
final class ModelJson {

    private ModelJson() {
    }

    /** {@code GET /v1/models}. */
    @Serdeable
    record ModelList(List<ModelSummary> models) {

        static ModelList from(List<RegisteredModel> models) {
            return new ModelList(models.stream().map(ModelSummary::from).toList());
        }
    }

    /** One model at a glance; {@code champion} is null while no version is champion. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ModelSummary(String name, String kind, int versions, String champion, String latestVersion,
                        String latestCreatedAt) {

        static ModelSummary from(RegisteredModel model) {
            return new ModelSummary(model.name(), model.kind().wireName(), model.versionCount(),
                    model.champion().orElse(null), model.latestVersion(), model.latestCreatedAt().toString());
        }
    }

    /** {@code GET /v1/models/{name}/versions}: newest first. */
    @Serdeable
    record VersionList(String name, List<Version> versions) {

        /** The versions, each with the experiment decisions about it. */
        static VersionList from(String name, List<ModelVersion> versions, List<ExperimentDecision> decisions) {
            return new VersionList(name, versions.stream().map(version -> Version.from(version,
                    decisions.stream().filter(d -> d.version().version().equals(version.version()))
                            .map(DecisionJson.Decision::from).toList())).toList());
        }
    }

    /**
     * One model version; {@code schema} and {@code parent} are null when it has none. {@code artifactUri} is the
     * artifact's key relative to the artifact store ({@code models/<name>/<version>/<file>}), never the store's own
     * URI with the host's folders or bucket (ADR-0019). {@code metadata} says how it was trained (ADR-0022): for
     * a trained version {@code refit}, the hold-out cut and the recency settings chosen on it. {@code decisions}
     * are the experiments' decisions about it with their evidence (ADR-0025), oldest first; a promotion's or
     * rollback's answer leaves them empty.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Version(String name, String version, String kind, String stage, String holdOut,
                   Map<String, Double> metrics, Schema schema, String artifactUri, Window trainingWindow,
                   String parent, String createdAt, Map<String, String> metadata,
                   List<DecisionJson.Decision> decisions) {

        static Version from(ModelVersion version) {
            return from(version, List.of());
        }

        static Version from(ModelVersion version, List<DecisionJson.Decision> decisions) {
            return new Version(version.name(), version.version(), version.kind().wireName(),
                    version.stage().wireName(), version.metrics().holdOut(), version.metrics().values(),
                    version.schema().map(Schema::from).orElse(null),
                    ArtifactKey.of(version.artifactUri()).map(ArtifactKey::path).orElse(null),
                    new Window(version.trainingWindow().from().toString(), version.trainingWindow().to().toString()),
                    version.parent().orElse(null), version.createdAt().toString(), version.metadata(), decisions);
        }
    }

    /** A feature schema: its version and the features in vector order. */
    @Serdeable
    record Schema(String version, List<String> features) {

        static Schema from(FeatureSchema schema) {
            return new Schema(schema.version(), schema.features());
        }
    }

    /** A training window, from inclusive to exclusive. */
    @Serdeable
    record Window(String from, String to) {
    }

    /**
     * The answer to a promotion or rollback: the champion now, and the version it replaced (null when it
     * replaced none).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Change(String name, Version champion, Version archived) {

        static Change from(ChampionChange change) {
            return new Change(change.champion().name(), Version.from(change.champion()),
                    change.archived().map(Version::from).orElse(null));
        }
    }
}
