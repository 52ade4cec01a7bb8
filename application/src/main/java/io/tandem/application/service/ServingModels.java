package io.tandem.application.service;

import io.tandem.application.port.in.RefreshServingModelUseCase;
import io.tandem.application.port.in.ServingModelStatus;
import io.tandem.application.port.out.DecodeRetrievalModelPort;
import io.tandem.application.port.out.LoadModelArtifactPort;
import io.tandem.application.port.out.LoadModelVersionsPort;
import io.tandem.application.port.out.LoadScoringModelPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.RetrievalModel;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model this instance serves, swapped atomically when the registry's champion changes. A request takes the
 * current model with {@link #acquire()} and releases it when done; a swap publishes the new model first and
 * retires the old one, which closes once its last request has released it, so no request fails or sees half a
 * model. A version whose artifacts are missing, corrupt or do not match its schema is refused, with the reason
 * kept in the status, and the current model keeps serving.
 */
public final class ServingModels implements RefreshServingModelUseCase {

    /** A refused champion is tried again after this long (its artifacts may have been repaired). */
    private static final long RETRY_REFUSED_AFTER_NANOS = 30_000_000_000L;

    private final String modelName;
    private final LoadModelVersionsPort versions;
    private final LoadModelArtifactPort artifacts;
    private final LoadScoringModelPort openRanker;
    private final DecodeRetrievalModelPort decodeRetriever;
    private final AtomicReference<ServingModel> current = new AtomicReference<>();
    private final Object swapping = new Object();
    private volatile Optional<Refused> refused = Optional.empty();

    public ServingModels(String modelName, LoadModelVersionsPort versions, LoadModelArtifactPort artifacts,
                         LoadScoringModelPort openRanker, DecodeRetrievalModelPort decodeRetriever) {
        this.modelName = InvalidFieldException.requireText("model", modelName);
        this.versions = Objects.requireNonNull(versions, "versions");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.openRanker = Objects.requireNonNull(openRanker, "openRanker");
        this.decodeRetriever = Objects.requireNonNull(decodeRetriever, "decodeRetriever");
    }

    public String modelName() {
        return modelName;
    }

    @Override
    public ServingModelStatus refresh() {
        synchronized (swapping) {
            Optional<ModelVersion> champion = versions.loadVersions(modelName).stream()
                    .filter(v -> v.stage() == ModelStage.CHAMPION).findFirst();
            ServingModel serving = current.get();
            if (champion.isEmpty()) {
                if (serving != null) {
                    current.set(null);
                    serving.retire();
                }
                refused = Optional.empty();
                return status();
            }
            ModelVersion version = champion.get();
            if (serving != null && serving.ref().equals(version.ref())) {
                // Back to the served version (a rollback of a refused one): nothing is refused any more.
                refused = Optional.empty();
                return status();
            }
            long now = System.nanoTime();
            boolean refusedLately = refused.map(r -> r.ref.equals(version.ref())
                    && now - r.atNanos < RETRY_REFUSED_AFTER_NANOS).orElse(false);
            if (refusedLately) {
                // Not reloaded on every poll; retried later, in case the artifact store was only briefly away.
                return status();
            }
            try {
                ServingModel loaded = load(version);
                current.set(loaded);
                refused = Optional.empty();
                if (serving != null) {
                    serving.retire();
                }
            } catch (InvalidFieldException | UncheckedIOException e) {
                refused = Optional.of(new Refused(version.ref(), now, "version " + version.version() + " of '"
                        + modelName + "' cannot serve: " + e.getMessage()));
            }
            return status();
        }
    }

    /** What is served now, and the champion refused, if any. */
    public ServingModelStatus status() {
        return new ServingModelStatus(Optional.ofNullable(current.get()).map(ServingModel::ref),
                refused.map(r -> r.reason));
    }

    /**
     * Loads {@code version} and closes it again: what a promotion checks before it changes the champion.
     *
     * @throws InvalidFieldException naming {@code artifact} or {@code schema} when it could not serve
     */
    public void verify(ModelVersion version) {
        try {
            load(version).retire();
        } catch (UncheckedIOException e) {
            throw new InvalidFieldException("artifact", "version " + version.version() + " cannot be read: "
                    + e.getMessage());
        }
    }

    /** The current model, held until {@link ServingModel#release()}; empty while none is loaded. */
    Optional<ServingModel> acquire() {
        while (true) {
            ServingModel model = current.get();
            if (model == null) {
                return Optional.empty();
            }
            if (model.acquire()) {
                return Optional.of(model);
            }
            // Retired between the read and the hold: the next read sees its successor.
        }
    }

    private ServingModel load(ModelVersion version) {
        if (version.kind() != ModelKind.RANKER) {
            throw new InvalidFieldException("kind", "'" + modelName + "' is a " + version.kind().wireName()
                    + ", serving needs a ranker");
        }
        FeatureSchema schema = version.schema().orElseThrow(() -> new InvalidFieldException("schema",
                "version " + version.version() + " has no feature schema"));
        URI rankerUri = version.artifactUri();
        ServingBundle bundle = ServingBundle.decode(artifacts.load(rankerUri.resolve(ServingBundle.FILE)));
        List<RetrievalModel> models = new ArrayList<>();
        for (byte[] model : bundle.retrievers()) {
            models.add(decodeRetriever.decode(model, bundle.facets()));
        }
        ScoringModel ranker = openRanker.load(artifacts.load(rankerUri), schema.size());
        try {
            return new ServingModel(version.ref(), schema, bundle, models, ranker);
        } catch (RuntimeException e) {
            ranker.close();
            throw e;
        }
    }

    private record Refused(ModelRef ref, long atNanos, String reason) {
    }
}
