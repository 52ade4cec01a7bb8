package io.tandem.application.serving;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.serving.port.in.RefreshServingModelUseCase;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.application.serving.port.out.DecodeRetrievalModelPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model this instance serves, swapped atomically when the registry's champion changes. A request takes the
 * current model with {@link #acquire()} and releases it when done; a swap publishes the new model first and
 * retires the old one, which closes once its last request has released it, so no request fails or sees half a
 * model. A version whose artifacts are missing, corrupt, not the ones trained together or do not match its schema
 * is refused, with the reason kept in the status, and the current model keeps serving.
 *
 * <p>A refusal names the model, the version and the artifact's file name, never where the store keeps it: the
 * reason reaches HTTP clients and the status, and the adapters' own detail (paths, URIs, runtime messages) stays
 * in the refusal's cause.
 *
 * <p>An experiment variant may pin another version than the champion (ADR-0024): {@link #acquire(ModelRef)} loads
 * it on its first request and keeps it beside the champion (at most {@value #MAX_PINNED} such versions: loading
 * another retires one of them), and a version that cannot serve is tried again after the same pause as a refused
 * champion, its requests answered by the fallback meanwhile. A request for a loaded version takes no lock.
 */
public final class ServingModels implements RefreshServingModelUseCase {

    /** A refused champion is tried again after this long (its artifacts may have been repaired). */
    private static final long RETRY_REFUSED_AFTER_NANOS = 30_000_000_000L;

    private final String modelName;
    private final LoadModelVersionsPort versions;
    private final LoadModelArtifactPort artifacts;
    private final LoadScoringModelPort openRanker;
    private final DecodeRetrievalModelPort decodeRetriever;
    /** The catalog requests read, for the view of its items by a loaded model's indexes. */
    private final LoadItemsPort catalog;
    private final AtomicReference<ServingModel> current = new AtomicReference<>();
    private final Object swapping = new Object();
    private volatile Optional<Refused> refused = Optional.empty();
    /** Pinned versions loaded beside the champion; read without a lock, loaded and retired under {@link #pinning}. */
    private final Map<ModelRef, ServingModel> pinned = new ConcurrentHashMap<>();
    private final Map<ModelRef, Refused> pinnedRefused = new ConcurrentHashMap<>();
    private final Object pinning = new Object();
    private static final int MAX_PINNED = 4;

    public ServingModels(String modelName, LoadModelVersionsPort versions, LoadModelArtifactPort artifacts,
                         LoadScoringModelPort openRanker, DecodeRetrievalModelPort decodeRetriever) {
        this(modelName, versions, artifacts, openRanker, decodeRetriever, ids -> Map.of());
    }

    /**
     * As the constructor above, with the {@code catalog} that requests read: when it holds its items in memory
     * ({@link LoadItemsPort#indexed}), a loaded model's view of them is built before the model serves, so no
     * request waits for it.
     */
    public ServingModels(String modelName, LoadModelVersionsPort versions, LoadModelArtifactPort artifacts,
                         LoadScoringModelPort openRanker, DecodeRetrievalModelPort decodeRetriever,
                         LoadItemsPort catalog) {
        this.modelName = InvalidFieldException.requireText("model", modelName);
        this.versions = Objects.requireNonNull(versions, "versions");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.openRanker = Objects.requireNonNull(openRanker, "openRanker");
        this.decodeRetriever = Objects.requireNonNull(decodeRetriever, "decodeRetriever");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
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
                ServingModel loaded = loadToServe(version);
                current.set(loaded);
                refused = Optional.empty();
                if (serving != null) {
                    serving.retire();
                }
            } catch (InvalidFieldException e) {
                refused = Optional.of(new Refused(version.ref(), now, e.reason()));
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
     * Loads {@code version} and closes it again: what a promotion or a rollback checks before it changes the
     * champion.
     *
     * @throws InvalidFieldException naming {@code artifact}, {@code schema} or {@code kind} when it could not serve
     */
    public void verify(ModelVersion version) {
        load(version).retire();
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

    /**
     * Version {@code ref}, held until {@link ServingModel#release()}: the champion when it is that version, otherwise
     * the pinned version, loaded on first use. Empty while the registry does not hold it or it cannot serve.
     */
    Optional<ServingModel> acquire(ModelRef ref) {
        ServingModel champion = current.get();
        if (champion != null && champion.ref().equals(ref) && champion.acquire()) {
            return Optional.of(champion);
        }
        ServingModel held = pinned.get(ref);
        if (held != null && held.acquire()) {
            return Optional.of(held);
        }
        Refused refusal = pinnedRefused.get(ref);
        if (refusal != null && System.nanoTime() - refusal.atNanos < RETRY_REFUSED_AFTER_NANOS) {
            return Optional.empty();
        }
        synchronized (pinning) {
            ServingModel loaded = pinned.get(ref);
            if (loaded != null && loaded.acquire()) {
                return Optional.of(loaded);
            }
            long now = System.nanoTime();
            refusal = pinnedRefused.get(ref);
            if (refusal != null && now - refusal.atNanos < RETRY_REFUSED_AFTER_NANOS) {
                return Optional.empty();
            }
            Optional<ModelVersion> version = versions.loadVersions(ref.name()).stream()
                    .filter(v -> v.ref().equals(ref)).findFirst();
            if (version.isEmpty()) {
                pinnedRefused.put(ref, new Refused(ref, now, "the registry holds no version " + ref.version()));
                return Optional.empty();
            }
            try {
                loaded = loadToServe(version.get());
            } catch (InvalidFieldException e) {
                pinnedRefused.put(ref, new Refused(ref, now, e.reason()));
                return Optional.empty();
            }
            pinnedRefused.remove(ref);
            if (pinned.size() >= MAX_PINNED) {
                // Requests holding the retired one finish on it; it closes when the last releases it.
                ModelRef retired = pinned.keySet().iterator().next();
                pinned.remove(retired).retire();
            }
            loaded.acquire();
            pinned.put(ref, loaded);
            return Optional.of(loaded);
        }
    }

    /**
     * Opens {@code version} for serving: the bundle, its retrievers, then the ranker once it is known to be the
     * one trained with them.
     *
     * @throws InvalidFieldException naming {@code kind}, {@code schema} or {@code artifact}, whose reason names
     *                               the model, the version and the file, when it cannot serve
     */
    private ServingModel load(ModelVersion version) {
        if (version.kind() != ModelKind.RANKER) {
            throw refusal("kind", version, "'" + modelName + "' is a " + version.kind().wireName()
                    + ", serving needs a ranker");
        }
        FeatureSchema schema = version.schema().orElseThrow(() -> refusal("schema", version,
                "it has no feature schema"));
        URI rankerUri = version.artifactUri();
        String rankerFile = fileName(rankerUri);
        byte[] bundleBytes = read(version, rankerUri.resolve(ServingBundle.FILE), ServingBundle.FILE);
        ServingBundle bundle;
        try {
            bundle = ServingBundle.decode(bundleBytes);
        } catch (InvalidFieldException e) {
            throw refusal(version, e.reason(), e);
        }
        List<RetrievalModel> models = new ArrayList<>();
        for (int m = 0; m < bundle.retrievers().size(); m++) {
            try {
                models.add(decodeRetriever.decode(bundle.retrievers().get(m), bundle.facets()));
            } catch (InvalidFieldException | UncheckedIOException e) {
                throw refusal(version, ServingBundle.FILE + " holds a retriever '" + bundle.retrieverNames().get(m)
                        + "' that cannot be decoded" + (e instanceof InvalidFieldException refused
                        ? ": " + refused.reason() : ""), e);
            }
        }
        byte[] rankerBytes = read(version, rankerUri, rankerFile);
        if (!bundle.matchesRanker(rankerBytes)) {
            throw refusal("artifact", version, rankerFile + " does not match the checksum recorded at training "
                    + "(its SHA-256 in " + ServingBundle.FILE + "): it is altered, truncated or another version's "
                    + "file");
        }
        ScoringModel ranker;
        try {
            ranker = openRanker.load(rankerBytes, schema.size());
        } catch (InvalidFieldException e) {
            // The scorer's own field (for ONNX, model.artifact) means the same file here: the ranker artifact.
            throw refusal(version, rankerFile + " cannot be opened as a ranker: " + e.reason(), e);
        }
        ServingModel loaded;
        try {
            loaded = new ServingModel(version.ref(), schema, bundle, models, ranker);
        } catch (IllegalArgumentException e) {
            ranker.close();
            if (e instanceof InvalidFieldException refused
                    && (refused.field().equals("schema") || refused.field().equals("artifact"))) {
                throw refusal(refused.field(), version, refused.reason());
            }
            throw refusal(version, "its artifacts do not fit together (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            ranker.close();
            throw e;
        }
        return loaded;
    }

    /**
     * {@link #load}, and {@code version}'s view of the in-memory catalog built now, so that its first request does
     * not build it. A catalog not loaded yet, or one that fails, leaves the view to the first request, which reads
     * the catalog behind its guard. {@link #verify} only loads: a version checked is not served.
     */
    private ServingModel loadToServe(ModelVersion version) {
        ServingModel model = load(version);
        try {
            catalog.indexed(model.itemIds(), id -> model.indexOf(id).orElse(-1)).ifPresent(model::hold);
        } catch (RuntimeException e) {
            // Not a reason to refuse the model: the request path builds the view, or reads the catalog, itself.
        }
        return model;
    }

    /** The bytes of {@code file} of {@code version}; a failed read is refused without the store's location. */
    private byte[] read(ModelVersion version, URI uri, String file) {
        try {
            return artifacts.load(uri);
        } catch (UncheckedIOException e) {
            throw refusal(version, file + " cannot be read from the artifact store", e);
        } catch (InvalidFieldException e) {
            // The store refuses a URI that is not one of its own (another store, or outside its folder).
            throw refusal(version, file + " is not in the configured artifact store", e);
        }
    }

    private InvalidFieldException refusal(ModelVersion version, String problem, RuntimeException cause) {
        InvalidFieldException refusal = refusal("artifact", version, problem);
        refusal.initCause(cause);
        return refusal;
    }

    private InvalidFieldException refusal(String field, ModelVersion version, String problem) {
        return new InvalidFieldException(field, "version " + version.version() + " of '" + modelName
                + "' cannot serve: " + problem);
    }

    /** The last segment of an artifact URI's path ({@code ranker.onnx}), which says what the file is. */
    private static String fileName(URI uri) {
        String path = Optional.ofNullable(uri.getPath()).orElse("");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "the ranker artifact" : name;
    }

    private record Refused(ModelRef ref, long atNanos, String reason) {
    }
}
