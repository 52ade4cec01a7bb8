package io.tandem.application.serving;

import io.tandem.application.catalog.IndexedItems;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.evaluation.EvaluationFixture;
import io.tandem.application.registry.RegistryFake;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingModelsTest {

    private static final String MODEL = "two-stage";
    private static final String STORE = "file:///srv/tandem/lake/";
    private static final FeatureSchema SCHEMA = RankingFeatures.schemaFor(List.of("popular"));
    private static final String CHECKSUM_MISMATCH = "ranker.onnx does not match the checksum recorded at training";

    private final RegistryFake registry = new RegistryFake();
    private final Map<URI, byte[]> stored = new HashMap<>();
    /** Rankers the scorer fake cannot open, with the reason it gives. */
    private final Map<String, String> unopenable = new HashMap<>();
    /** Artifacts whose read fails as a store's would, with its local path in the message. */
    private final Map<URI, RuntimeException> failingReads = new HashMap<>();
    private final AtomicInteger scorersOpened = new AtomicInteger();
    private final AtomicInteger scorersClosed = new AtomicInteger();
    private final ServingModels serving = new ServingModels(MODEL, registry, store(), scorer(),
            (bytes, facets) -> EvaluationFixture.model(3, (history, item) -> item));

    @Test
    void servesAChampionWhoseRankerIsTheOneTrainedWithItsBundle() {
        champion(trained("v1"));

        assertThat(serving.refresh().serving()).contains(new ModelRef(MODEL, "v1"));
        assertThat(serving.status().problem()).isEmpty();
        assertThat(scorersOpened.get()).isEqualTo(1);
    }

    @Test
    void aLoadedModelsCatalogViewIsAskedForBeforeItServesAndAFailingCatalogDoesNotRefuseIt() {
        List<List<ItemId>> asked = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        LoadItemsPort catalog = new LoadItemsPort() {
            @Override
            public Map<ItemId, Item> loadItems(Collection<ItemId> ids) {
                return Map.of();
            }

            @Override
            public Optional<IndexedItems> indexed(List<ItemId> ids, ToIntFunction<ItemId> indexOf) {
                asked.add(ids);
                ids.forEach(id -> indexes.add(indexOf.applyAsInt(id)));
                throw new IllegalStateException("catalog away");
            }
        };
        ServingModels withCatalog = new ServingModels(MODEL, registry, store(), scorer(),
                (bytes, facets) -> EvaluationFixture.model(3, (history, item) -> item), catalog);
        champion(trained("v1"));

        assertThat(withCatalog.refresh().serving()).contains(new ModelRef(MODEL, "v1"));

        assertThat(asked).hasSize(1);
        ServingModel served = withCatalog.acquire().orElseThrow();
        try {
            assertThat(asked.get(0)).isSameAs(served.itemIds());
        } finally {
            served.release();
        }
        // The view reads each id at the model's own index.
        assertThat(indexes).containsExactly(0, 1, 2);

        // A version only checked before a promotion is not served: no view is built for it.
        withCatalog.verify(trained("v2"));
        assertThat(asked).hasSize(1);
    }

    @Test
    void refusesARankerThatStillOpensButIsNotTheOneTrainedAsTheArtifact() {
        ModelVersion altered = trained("v2", ranker -> ranker[ranker.length / 2] ^= 0x40);
        ModelVersion swapped = trained("v3", ranker -> System.arraycopy(rankerOf("v2"), 0, ranker, 0,
                ranker.length));

        for (ModelVersion version : List.of(altered, swapped)) {
            assertThatThrownBy(() -> serving.verify(version))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("artifact");
                        assertThat(e.reason()).startsWith("version " + version.version() + " of 'two-stage' cannot "
                                + "serve: " + CHECKSUM_MISMATCH);
                    });
        }
        // Refused before the scorer was asked to open it: a changed ranker is never opened, let alone served.
        assertThat(scorersOpened.get()).isZero();
    }

    @Test
    void aRankerTheScorerCannotOpenIsRefusedAsTheArtifactByModelVersionAndFile() {
        ModelVersion truncated = trained("v2");
        unopenable.put(new String(rankerOf("v2"), StandardCharsets.UTF_8),
                "is not a loadable ONNX model (ORT_INVALID_PROTOBUF)");

        assertThatThrownBy(() -> serving.verify(truncated))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).isEqualTo("version v2 of 'two-stage' cannot serve: ranker.onnx cannot be "
                            + "opened as a ranker: is not a loadable ONNX model (ORT_INVALID_PROTOBUF)");
                    assertThat(e.getCause()).isInstanceOfSatisfying(InvalidFieldException.class,
                            cause -> assertThat(cause.field()).isEqualTo("model.artifact"));
                });
    }

    @Test
    void anArtifactTheStoreCannotReadIsRefusedByItsFileNameNotWhereTheStoreKeepsIt() {
        ModelVersion noRanker = trained("v2");
        ModelVersion noBundle = trained("v3");
        failingReads.put(noRanker.artifactUri(), unreadable(noRanker.artifactUri()));
        URI bundle = noBundle.artifactUri().resolve(ServingBundle.FILE);
        failingReads.put(bundle, unreadable(bundle));

        assertThatThrownBy(() -> serving.verify(noRanker))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).isEqualTo("version v2 of 'two-stage' cannot serve: ranker.onnx cannot be "
                            + "read from the artifact store");
                    // The store's own detail stays with the refusal for whoever logs it, not in its message.
                    assertThat(e.getCause()).hasMessageContaining("/srv/tandem/lake");
                });
        assertThatThrownBy(() -> serving.verify(noBundle))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).isEqualTo("version v3 of 'two-stage' cannot serve: serving.bin cannot be "
                            + "read from the artifact store");
                });
    }

    @Test
    void anArtifactOutsideTheStoreIsRefusedAsTheArtifactWithoutItsUri() {
        ModelVersion elsewhere = trained("v2");
        failingReads.put(elsewhere.artifactUri(), new InvalidFieldException("artifactUri", "'"
                + elsewhere.artifactUri() + "' lies outside the artifact store s3://models-bucket/tandem/"));

        assertThatThrownBy(() -> serving.verify(elsewhere))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).isEqualTo("version v2 of 'two-stage' cannot serve: ranker.onnx is not in "
                            + "the configured artifact store");
                });
    }

    @Test
    void aBundleFromBeforeTheRankersChecksumIsRefusedSayingWhatToDo() {
        ModelVersion old = trained("v1");
        URI bundle = old.artifactUri().resolve(ServingBundle.FILE);
        stored.put(bundle, ServingBundleTest.formatOne(stored.get(bundle)));

        assertThatThrownBy(() -> serving.verify(old))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).startsWith("version v1 of 'two-stage' cannot serve: serving.bin is "
                            + "format 1").endsWith("train the model again");
                });
    }

    @Test
    void thePollingRefusesAChampionThatCannotServeAndTheServedModelStays() {
        champion(trained("v1"));
        serving.refresh();
        ModelVersion altered = trained("v2", ranker -> ranker[0] ^= 0x01);
        ModelVersion unopened = trained("v3");
        unopenable.put(new String(rankerOf("v3"), StandardCharsets.UTF_8), "is not a loadable ONNX model "
                + "(ORT_INVALID_GRAPH)");
        ModelVersion unread = trained("v4");
        failingReads.put(unread.artifactUri(), unreadable(unread.artifactUri()));
        Map<String, String> problems = Map.of("v2", CHECKSUM_MISMATCH, "v3", "ranker.onnx cannot be opened",
                "v4", "ranker.onnx cannot be read");

        for (ModelVersion refused : List.of(altered, unopened, unread)) {
            champion(refused);

            assertThat(serving.refresh().serving()).as(refused.version()).contains(new ModelRef(MODEL, "v1"));
            assertThat(serving.status().problem()).as(refused.version()).hasValueSatisfying(problem -> assertThat(
                    problem).startsWith("version " + refused.version() + " of 'two-stage' cannot serve: ")
                    .contains(problems.get(refused.version())).doesNotContain("/srv").doesNotContain("file:"));
            // Asked again at the next poll: still refused, still no exception, still the same model.
            assertThat(serving.refresh().serving()).contains(new ModelRef(MODEL, "v1"));
        }
        champion(registry.loadVersion(MODEL, "v1").orElseThrow());

        assertThat(serving.refresh().problem()).as("nothing refused once the served version is champion again")
                .isEmpty();
        assertThat(scorersOpened.get()).as("scorers opened: v1's alone, the others refused first").isEqualTo(1);
        assertThat(scorersClosed.get()).isZero();
    }

    @Test
    void verifyingAServableVersionClosesWhatItOpened() {
        serving.verify(trained("v1"));

        assertThat(scorersOpened.get()).isEqualTo(1);
        assertThat(scorersClosed.get()).isEqualTo(1);
        assertThat(serving.status().serving()).as("verifying serves nothing").isEmpty();
    }

    /** Stores a version's bundle and ranker as training does, and registers it as a candidate. */
    private ModelVersion trained(String version) {
        return trained(version, ranker -> { });
    }

    /**
     * As {@link #trained(String)}, with {@code afterTraining} changing the stored ranker after its digest was
     * recorded in the bundle.
     */
    private ModelVersion trained(String version, Consumer<byte[]> afterTraining) {
        byte[] ranker = ("ranker of " + version).getBytes(StandardCharsets.UTF_8);
        URI rankerUri = uri(version, "ranker.onnx");
        stored.put(rankerUri.resolve(ServingBundle.FILE), ServingBundleTest.bundle(ranker).encode());
        byte[] changed = ranker.clone();
        afterTraining.accept(changed);
        stored.put(rankerUri, changed);
        ModelVersion registered = aVersion(MODEL, version).holdOut("temporal:test").ndcg(0.5).schema(SCHEMA)
                .artifact(rankerUri).window(new TrainingWindow(Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-08T00:00:00Z"))).createdAt(Instant.parse("2026-11-08T00:00:00Z"))
                .build();
        assertThat(registry.saveIfAbsent(registered)).isTrue();
        return registered;
    }

    /** Makes {@code version} champion in the registry, as another instance would: serving learns it by polling. */
    private void champion(ModelVersion version) {
        registry.promote(MODEL, version.version());
    }

    private byte[] rankerOf(String version) {
        return stored.get(uri(version, "ranker.onnx"));
    }

    private static URI uri(String version, String file) {
        return URI.create(STORE + new ArtifactKey(MODEL, version, file).path());
    }

    /** What the filesystem store throws for a missing file: its path in the message. */
    private static UncheckedIOException unreadable(URI uri) {
        return new UncheckedIOException("reading artifact " + uri + " failed", new NoSuchFileException(uri.getPath()));
    }

    private LoadModelArtifactPort store() {
        return uri -> {
            RuntimeException failure = failingReads.get(uri);
            if (failure != null) {
                throw failure;
            }
            byte[] bytes = stored.get(uri);
            if (bytes == null) {
                throw unreadable(uri);
            }
            return bytes.clone();
        };
    }

    /** Opens any ranker but those in {@link #unopenable}, with the width asked for. */
    private LoadScoringModelPort scorer() {
        return (artifact, featureCount) -> {
            String reason = unopenable.get(new String(artifact, StandardCharsets.UTF_8));
            if (reason != null) {
                throw new InvalidFieldException("model.artifact", reason);
            }
            scorersOpened.incrementAndGet();
            return new ScoringModel() {
                @Override
                public int featureCount() {
                    return featureCount;
                }

                @Override
                public float[] score(float[] features, int rows) {
                    float[] scores = new float[rows];
                    Arrays.fill(scores, 1f);
                    return scores;
                }

                @Override
                public void close() {
                    scorersClosed.incrementAndGet();
                }
            };
        };
    }
}
