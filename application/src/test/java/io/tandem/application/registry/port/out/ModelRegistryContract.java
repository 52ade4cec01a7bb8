package io.tandem.application.registry.port.out;

import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;
import io.tandem.domain.model.TrainingWindow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.tandem.application.registry.ModelVersionFixture.CREATED;
import static io.tandem.application.registry.ModelVersionFixture.HOLD_OUT;
import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every model registry promises (ADR-0016, ADR-0017), run by each adapter's test: a version comes back exactly as
 * registered, and only the first registration of a name and version counts; versions list newest first and models by
 * name; a model has at most one champion, a promotion archives the one it replaces, conditional promotions and
 * rollbacks change nothing once the state they were decided on is gone, rollbacks walk back through the earlier
 * champions one at a time, and concurrent stage changes never leave two champions.
 */
public abstract class ModelRegistryContract {

    /** The four registry ports, as one adapter implements them. */
    public interface Registry extends SaveModelVersionPort, LoadModelVersionsPort, ChangeModelStagesPort,
            ListModelsPort {

        /** The registry that {@code adapter} is. */
        static <A extends SaveModelVersionPort & LoadModelVersionsPort & ChangeModelStagesPort & ListModelsPort>
                Registry of(A adapter) {
            return new Registry() {
                @Override
                public boolean saveIfAbsent(ModelVersion version) {
                    return adapter.saveIfAbsent(version);
                }

                @Override
                public Optional<ModelVersion> loadVersion(String name, String version) {
                    return adapter.loadVersion(name, version);
                }

                @Override
                public List<ModelVersion> loadVersions(String name) {
                    return adapter.loadVersions(name);
                }

                @Override
                public Optional<ModelVersion> loadPreviousChampion(String name) {
                    return adapter.loadPreviousChampion(name);
                }

                @Override
                public ChampionChange promote(String name, String version) {
                    return adapter.promote(name, version);
                }

                @Override
                public ChampionChange promoteIfChampionIs(String name, String version,
                                                          Optional<String> expectedChampion) {
                    return adapter.promoteIfChampionIs(name, version, expectedChampion);
                }

                @Override
                public ChampionChange rollbackTo(String name, String previousChampion, String expectedChampion) {
                    return adapter.rollbackTo(name, previousChampion, expectedChampion);
                }

                @Override
                public List<RegisteredModel> listModels() {
                    return adapter.listModels();
                }
            };
        }
    }

    /** An empty registry for one test. */
    protected abstract Registry emptyRegistry();

    @Test
    void aRegisteredVersionLoadsBackWithEveryField() {
        Registry registry = emptyRegistry();
        ModelVersion ranker = aVersion("ranker", "2026-11-20.1")
                .metrics(new ModelMetrics(HOLD_OUT, Map.of("ndcg@10", 0.4123456789012345, "auc", 0.8,
                        "coverage", 1e-7)))
                .schema(new FeatureSchema("s3", List.of("popularity", "seen", "user.clicks", "ünïcødé")))
                .artifact("s3://tandem-lake/models/ranker/2026-11-20.1/model.onnx")
                .parent("2026-11-13.1")
                .metadata(Map.of("refit", "true", "popularity.half-life", "P3D", "quoted \"ünïcødé\"", "a\nb"))
                .build();
        ModelVersion retriever = aVersion("item-knn", "v1").retriever().metrics(new ModelMetrics(HOLD_OUT, Map.of()))
                .artifact("file:///var/tandem/models/item-knn/v1/neighbours.bin")
                .window(new TrainingWindow(CREATED, CREATED)).build();

        assertThat(registry.saveIfAbsent(aVersion("ranker", "2026-11-13.1").build())).isTrue();
        assertThat(registry.saveIfAbsent(ranker)).isTrue();
        assertThat(registry.saveIfAbsent(retriever)).isTrue();

        assertThat(registry.loadVersion("ranker", "2026-11-20.1")).contains(ranker);
        assertThat(registry.loadVersion("item-knn", "v1")).contains(retriever);
        assertThat(registry.loadVersion("ranker", "2026-11-20.1").orElseThrow().metadata())
                .containsEntry("refit", "true").hasSize(3);
        assertThat(registry.loadVersion("item-knn", "v1").orElseThrow().metadata()).isEmpty();
        assertThat(registry.loadVersion("ranker", "v9")).isEmpty();
        assertThat(registry.loadVersion("nothing", "v1")).isEmpty();
    }

    @Test
    void aVersionIsRegisteredOnceAndTheFirstRegistrationStays() {
        Registry registry = emptyRegistry();
        ModelVersion first = aVersion("ranker", "v1").ndcg(0.3).build();

        assertThat(registry.saveIfAbsent(first)).isTrue();
        assertThat(registry.saveIfAbsent(aVersion("ranker", "v1").ndcg(0.9).build())).isFalse();

        assertThat(registry.loadVersions("ranker")).containsExactly(first);
        assertThatThrownBy(() -> registry.saveIfAbsent(aVersion("ranker", "v2").stage(ModelStage.CHAMPION).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.loadVersions("ranker")).containsExactly(first);
    }

    @Test
    void versionsListNewestFirstAndModelsByNameWithTheirChampion() {
        Registry registry = emptyRegistry();
        registry.saveIfAbsent(aVersion("ranker", "v1").build());
        registry.saveIfAbsent(aVersion("ranker", "v2").build());
        registry.saveIfAbsent(aVersion("alpha", "a1").build());
        registry.saveIfAbsent(aVersion("ranker", "v3").build());
        registry.promote("ranker", "v2");

        assertThat(registry.loadVersions("ranker")).extracting(ModelVersion::version).containsExactly("v3", "v2", "v1");
        assertThat(registry.loadVersions("unknown")).isEmpty();
        assertThat(registry.listModels()).extracting(RegisteredModel::name, RegisteredModel::versionCount,
                        RegisteredModel::champion, RegisteredModel::latestVersion)
                .containsExactly(tuple("alpha", 1, Optional.empty(), "a1"),
                        tuple("ranker", 3, Optional.of("v2"), "v3"));
    }

    @Test
    void aPromotionArchivesTheChampionItReplaces() {
        Registry registry = emptyRegistry();
        registry.saveIfAbsent(aVersion("ranker", "v1").build());
        registry.saveIfAbsent(aVersion("ranker", "v2").build());

        ChampionChange first = registry.promote("ranker", "v1");
        ChampionChange second = registry.promote("ranker", "v2");
        ChampionChange again = registry.promote("ranker", "v2");

        assertThat(first.champion().version()).isEqualTo("v1");
        assertThat(first.archived()).isEmpty();
        assertThat(second.champion().stage()).isEqualTo(ModelStage.CHAMPION);
        assertThat(second.archived()).map(ModelVersion::version).contains("v1");
        assertThat(again.archived()).isEmpty();
        assertThat(registry.loadVersions("ranker")).extracting(ModelVersion::version, ModelVersion::stage)
                .containsExactly(tuple("v2", ModelStage.CHAMPION), tuple("v1", ModelStage.ARCHIVED));
    }

    @Test
    void rollbacksWalkBackThroughThePreviousChampionsOneAtATime() {
        Registry registry = emptyRegistry();
        for (String v : List.of("v1", "v2", "v3")) {
            registry.saveIfAbsent(aVersion("ranker", v).build());
            registry.promote("ranker", v);
        }
        // An explicit promotion of an old version is one more step back in history.
        registry.promote("ranker", "v1");

        // Each step: which version was archived, which is champion again.
        assertThat(rollback(registry)).containsExactly("v1", "v3");
        assertThat(rollback(registry)).containsExactly("v3", "v2");
        assertThat(rollback(registry)).containsExactly("v2", "v1");
        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
        assertThat(champions(registry, "ranker")).containsExactly("v1");
        assertThat(registry.loadVersion("ranker", "v2")).map(ModelVersion::stage).contains(ModelStage.ARCHIVED);
    }

    @Test
    void theVersionARollbackWouldRestoreIsKnownBeforeAndIsTheOneRestored() {
        Registry registry = emptyRegistry();
        for (String v : List.of("v1", "v2", "v3")) {
            registry.saveIfAbsent(aVersion("ranker", v).build());
            registry.promote("ranker", v);
        }
        registry.promote("ranker", "v1");

        for (String expected : List.of("v3", "v2", "v1")) {
            Optional<ModelVersion> previous = registry.loadPreviousChampion("ranker");
            assertThat(previous).map(ModelVersion::version).contains(expected);
            assertThat(previous).map(ModelVersion::stage).contains(ModelStage.ARCHIVED);
            assertThat(registry.rollbackTo("ranker", expected, champions(registry, "ranker").get(0)).champion()
                    .version()).isEqualTo(expected);
        }
        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
        assertThat(registry.loadPreviousChampion("nothing")).isEmpty();
    }

    @Test
    void withoutAChampionBeforeTheCurrentOneNoVersionWouldBeRestored() {
        Registry registry = emptyRegistry();
        registry.saveIfAbsent(aVersion("ranker", "v1").build());

        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v1")).isInstanceOf(ModelConflictException.class);
        assertThat(registry.loadVersion("ranker", "v1")).map(ModelVersion::stage).contains(ModelStage.CANDIDATE);
        registry.promote("ranker", "v1");
        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
    }

    @Test
    void aConditionalRollbackHappensOnlyWhileTheChampionAndTheVersionBeforeItAreTheExpectedOnes() {
        Registry registry = emptyRegistry();
        for (String v : List.of("v1", "v2", "v3")) {
            registry.saveIfAbsent(aVersion("ranker", v).build());
        }
        registry.promote("ranker", "v1");
        registry.promote("ranker", "v2");
        // The champion is v2 again after v3, so a rollback now restores v3, no longer v1.
        registry.promote("ranker", "v3");
        registry.promote("ranker", "v2");

        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v2"))
                .isInstanceOfSatisfying(ModelConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("restore v3 in place of v2, not v1 in place of v2");
                });
        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v3", "v1"))
                .isInstanceOf(ModelConflictException.class);
        assertThat(champions(registry, "ranker")).containsExactly("v2");
        assertThat(registry.loadPreviousChampion("ranker")).map(ModelVersion::version).contains("v3");

        ChampionChange rolledBack = registry.rollbackTo("ranker", "v3", "v2");

        assertThat(rolledBack.champion().version()).isEqualTo("v3");
        assertThat(rolledBack.champion().stage()).isEqualTo(ModelStage.CHAMPION);
        assertThat(rolledBack.archived()).map(ModelVersion::version).contains("v2");
        assertThat(champions(registry, "ranker")).containsExactly("v3");
        assertThat(registry.loadPreviousChampion("ranker")).map(ModelVersion::version).contains("v2");
        assertThatThrownBy(() -> registry.rollbackTo("nothing", "v1", "v2"))
                .isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void aConditionalRollbackWithoutAPreviousChampionIsAConflictAndChangesNothing() {
        Registry registry = emptyRegistry();
        registry.saveIfAbsent(aVersion("ranker", "v1").build());
        registry.saveIfAbsent(aVersion("ranker", "v2").build());

        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v2")).isInstanceOf(ModelConflictException.class);
        registry.promote("ranker", "v2");
        assertThatThrownBy(() -> registry.rollbackTo("ranker", "v1", "v2")).isInstanceOf(ModelConflictException.class);
        assertThat(champions(registry, "ranker")).containsExactly("v2");
        assertThat(registry.loadVersion("ranker", "v1")).map(ModelVersion::stage).contains(ModelStage.CANDIDATE);
        assertThat(registry.loadPreviousChampion("ranker")).isEmpty();
    }

    @Test
    void unknownModelsAndVersionsAreNamed() {
        Registry registry = emptyRegistry();
        registry.saveIfAbsent(aVersion("ranker", "v1").build());

        assertThatThrownBy(() -> registry.promote("nothing", "v1")).isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("name");
        assertThatThrownBy(() -> registry.promote("ranker", "v9")).isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("version");
        assertThatThrownBy(() -> registry.rollbackTo("nothing", "v1", "v2")).isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("name");
    }

    @Test
    void aConditionalPromotionHappensOnlyWhileTheChampionIsTheExpectedOne() {
        Registry registry = emptyRegistry();
        registry.saveIfAbsent(aVersion("ranker", "v1").build());
        registry.saveIfAbsent(aVersion("ranker", "v2").build());

        assertThat(registry.promoteIfChampionIs("ranker", "v1", Optional.empty()).champion().version()).isEqualTo("v1");
        assertThatThrownBy(() -> registry.promoteIfChampionIs("ranker", "v2", Optional.empty()))
                .isInstanceOf(ModelConflictException.class);
        assertThatThrownBy(() -> registry.promoteIfChampionIs("ranker", "v2", Optional.of("v2")))
                .isInstanceOf(ModelConflictException.class);
        assertThat(champions(registry, "ranker")).containsExactly("v1");
        assertThat(registry.promoteIfChampionIs("ranker", "v2", Optional.of("v1")).archived())
                .map(ModelVersion::version).contains("v1");
        assertThat(champions(registry, "ranker")).containsExactly("v2");
    }

    @Test
    void concurrentPromotionsAndConditionalRollbacksLeaveOneChampionAndOnlyEverRestoreTheVersionGiven()
            throws Exception {
        Registry registry = emptyRegistry();
        for (int v = 0; v < 6; v++) {
            registry.saveIfAbsent(aVersion("ranker", "v" + v).build());
        }
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String mine = "v" + t;
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int rolledBack = 0;
                    for (int round = 0; round < 10; round++) {
                        registry.promote("ranker", mine);
                        Optional<String> champion = champions(registry, "ranker").stream().findFirst();
                        Optional<ModelVersion> previous = registry.loadPreviousChampion("ranker");
                        if (champion.isEmpty() || previous.isEmpty()) {
                            continue;
                        }
                        try {
                            ChampionChange change = registry.rollbackTo("ranker", previous.get().version(),
                                    champion.get());
                            assertThat(change.champion().version()).isEqualTo(previous.get().version());
                            assertThat(change.archived()).map(ModelVersion::version).contains(champion.get());
                            rolledBack++;
                        } catch (ModelConflictException lostTheRace) {
                            // Another thread changed the champion in between: nothing was changed here.
                        }
                    }
                    return rolledBack;
                }));
            }
            for (Future<Integer> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(champions(registry, "ranker")).hasSize(1);
        String champion = champions(registry, "ranker").get(0);
        assertThat(registry.listModels()).singleElement()
                .satisfies(model -> assertThat(model.champion()).contains(champion));
        // Whatever history the races left rolls back consistently: to an archived version other than the champion.
        registry.loadPreviousChampion("ranker").ifPresent(previous -> {
            assertThat(previous.version()).isNotEqualTo(champion);
            assertThat(registry.rollbackTo("ranker", previous.version(), champion).champion().version())
                    .isEqualTo(previous.version());
        });
        String now = champions(registry, "ranker").get(0);
        registry.promote("ranker", now.equals("v0") ? "v1" : "v0");
        assertThat(registry.loadPreviousChampion("ranker")).isPresent();
    }

    /** The versions of {@code name} that are champion now: at most one, whatever the store. */
    protected static List<String> champions(Registry registry, String name) {
        return registry.loadVersions(name).stream().filter(v -> v.stage() == ModelStage.CHAMPION)
                .map(ModelVersion::version).toList();
    }

    private static List<String> rollback(Registry registry) {
        String champion = champions(registry, "ranker").get(0);
        String previous = registry.loadPreviousChampion("ranker").orElseThrow().version();
        ChampionChange change = registry.rollbackTo("ranker", previous, champion);
        return List.of(change.archived().orElseThrow().version(), change.champion().version());
    }
}
