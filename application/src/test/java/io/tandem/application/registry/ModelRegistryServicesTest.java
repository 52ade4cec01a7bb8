package io.tandem.application.registry;

import io.tandem.application.registry.port.in.ListModelVersionsQuery;
import io.tandem.application.registry.port.in.ListModelsQuery;
import io.tandem.application.registry.port.in.PromoteModelVersionCommand;
import io.tandem.application.registry.port.in.RegisterModelVersionCommand;
import io.tandem.application.registry.port.in.RollbackModelCommand;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The model registry use cases over one registry store, wired as bootstrap wires them. */
class ModelRegistryServicesTest {

    private final RegistryFake registry = new RegistryFake();
    private final Registry service = registry(version -> { }, () -> { });

    @Test
    void registeredVersionsAreListedNewestFirstAndSummarised() {
        register(Versions.ranker("ranker", "v1", 0.3));
        register(Versions.ranker("ranker", "v2", 0.4));
        register(Versions.retriever("item-knn", "v1"));

        assertThat(service.list(new ListModelVersionsQuery("ranker"))).extracting(ModelVersion::version)
                .containsExactly("v2", "v1");
        assertThat(service.list(new ListModelsQuery())).extracting(RegisteredModel::name, RegisteredModel::versionCount,
                RegisteredModel::latestVersion).containsExactly(
                tuple("item-knn", 1, "v1"),
                tuple("ranker", 2, "v2"));
    }

    @Test
    void aVersionIsRegisteredOnceAndOnlyAsACandidateOfTheModelsKind() {
        register(Versions.ranker("ranker", "v1", 0.3));

        assertThatThrownBy(() -> register(Versions.ranker("ranker", "v1", 0.9)))
                .isInstanceOf(ModelConflictException.class)
                .extracting(e -> ((ModelConflictException) e).field()).isEqualTo("version");
        assertThatThrownBy(() -> register(Versions.retriever("ranker", "v2")))
                .isInstanceOf(ModelConflictException.class)
                .extracting(e -> ((ModelConflictException) e).field()).isEqualTo("kind");
        assertThatThrownBy(() -> new RegisterModelVersionCommand(
                Versions.ranker("ranker", "v3", 0.3).withStage(ModelStage.CHAMPION)))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("stage");
    }

    @Test
    void aParentMustBeAVersionOfTheSameModel() {
        register(Versions.ranker("ranker", "v1", 0.3));
        ModelVersion orphan = withParent(Versions.ranker("ranker", "v2", 0.4), "v0");
        ModelVersion child = withParent(Versions.ranker("ranker", "v2", 0.4), "v1");

        assertThatThrownBy(() -> register(orphan)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("parent");
        assertThat(register(child).parent()).contains("v1");
    }

    @Test
    void promotionArchivesTheChampionAndRollbackBringsItBack() {
        register(Versions.ranker("ranker", "v1", 0.3));
        register(Versions.ranker("ranker", "v2", 0.4));
        service.promote(new PromoteModelVersionCommand("ranker", "v1"));

        ChampionChange promoted = service.promote(new PromoteModelVersionCommand("ranker", "v2"));

        assertThat(promoted.champion().version()).isEqualTo("v2");
        assertThat(promoted.archived()).map(ModelVersion::version).contains("v1");

        ChampionChange rolledBack = service.rollback(new RollbackModelCommand("ranker"));

        assertThat(rolledBack.champion().version()).isEqualTo("v1");
        assertThat(rolledBack.archived()).map(ModelVersion::version).contains("v2");
        assertThat(service.list(new ListModelVersionsQuery("ranker"))).extracting(ModelVersion::stage)
                .containsExactly(ModelStage.ARCHIVED, ModelStage.CHAMPION);
    }

    @Test
    void rollbackToAVersionThatCannotServeIsRefusedAndChangesNothing() {
        Set<String> unservable = new HashSet<>();
        AtomicInteger changes = new AtomicInteger();
        Registry verifying = verifyingService(unservable, changes);
        register(Versions.ranker("ranker", "v1", 0.3));
        register(Versions.ranker("ranker", "v2", 0.4));
        verifying.promote(new PromoteModelVersionCommand("ranker", "v1"));
        verifying.promote(new PromoteModelVersionCommand("ranker", "v2"));
        unservable.add("v1");
        List<String> stageChangesBefore = registry.stageChanges();

        assertThatThrownBy(() -> verifying.rollback(new RollbackModelCommand("ranker")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).isEqualTo("version v1 of 'ranker' cannot serve");
                });

        assertThat(registry.stageChanges()).as("the stage port is not even asked").isEqualTo(stageChangesBefore);
        assertThat(registry.championHistory("ranker")).containsExactly("v1", "v2");
        assertThat(service.list(new ListModelVersionsQuery("ranker"))).extracting(ModelVersion::version,
                ModelVersion::stage).containsExactly(
                tuple("v2", ModelStage.CHAMPION),
                tuple("v1", ModelStage.ARCHIVED));
        assertThat(changes.get()).as("serving told of the two promotions only").isEqualTo(2);

        // Repaired: the same rollback goes through, to the same previous champion.
        unservable.clear();
        ChampionChange rolledBack = verifying.rollback(new RollbackModelCommand("ranker"));

        assertThat(rolledBack.champion().version()).isEqualTo("v1");
        assertThat(rolledBack.archived()).map(ModelVersion::version).contains("v2");
        assertThat(registry.championHistory("ranker")).containsExactly("v1");
        assertThat(changes.get()).isEqualTo(3);
    }

    @Test
    void theRestoredVersionIsVerifiedWhileTheRegistryStillShowsTheCurrentChampion() {
        register(Versions.ranker("ranker", "v1", 0.3));
        register(Versions.ranker("ranker", "v2", 0.4));
        service.promote(new PromoteModelVersionCommand("ranker", "v1"));
        service.promote(new PromoteModelVersionCommand("ranker", "v2"));
        List<String> verified = new ArrayList<>();
        Registry verifying = registry(
                version -> verified.add(version.version() + " while champion is " + championOf("ranker")),
                () -> { });

        verifying.rollback(new RollbackModelCommand("ranker"));

        assertThat(verified).containsExactly("v1 while champion is v2");
        assertThat(championOf("ranker")).isEqualTo("v1");
    }

    @Test
    void aRollbackRacingAPromotionIsAConflictAndLeavesTheNewChampionInPlace() {
        register(Versions.ranker("ranker", "v1", 0.3));
        register(Versions.ranker("ranker", "v2", 0.4));
        register(Versions.ranker("ranker", "v3", 0.5));
        service.promote(new PromoteModelVersionCommand("ranker", "v1"));
        service.promote(new PromoteModelVersionCommand("ranker", "v2"));
        AtomicInteger changes = new AtomicInteger();
        Registry verifying = registry(
                // Another instance promotes v3 while this one verifies v1, which can serve.
                version -> registry.promote("ranker", "v3"), changes::incrementAndGet);

        assertThatThrownBy(() -> verifying.rollback(new RollbackModelCommand("ranker")))
                .isInstanceOfSatisfying(ModelConflictException.class, e -> assertThat(e.field()).isEqualTo("name"));

        assertThat(service.list(new ListModelVersionsQuery("ranker"))).extracting(ModelVersion::version,
                ModelVersion::stage).containsExactly(
                tuple("v3", ModelStage.CHAMPION),
                tuple("v2", ModelStage.ARCHIVED),
                tuple("v1", ModelStage.ARCHIVED));
        assertThat(registry.championHistory("ranker")).containsExactly("v1", "v2", "v3");
        assertThat(changes.get()).as("serving not told of a change that did not happen").isZero();
    }

    @Test
    void aRollbackNeverRestoresAVersionThatBecamePreviousChampionWhileAnotherWasVerified() {
        register(Versions.ranker("ranker", "v1", 0.3));
        register(Versions.ranker("ranker", "v2", 0.4));
        register(Versions.ranker("ranker", "v3", 0.5));
        service.promote(new PromoteModelVersionCommand("ranker", "v1"));
        service.promote(new PromoteModelVersionCommand("ranker", "v2"));
        List<String> verified = new ArrayList<>();
        Registry verifying = registry(
                version -> {
                    verified.add(version.version());
                    // Meanwhile v3 is promoted and v2 promoted again: the champion is v2 as before, but a
                    // rollback would now restore v3, which nobody verified.
                    registry.promote("ranker", "v3");
                    registry.promote("ranker", "v2");
                }, () -> { });

        assertThatThrownBy(() -> verifying.rollback(new RollbackModelCommand("ranker")))
                .isInstanceOf(ModelConflictException.class);

        assertThat(verified).containsExactly("v1");
        assertThat(championOf("ranker")).isEqualTo("v2");
        assertThat(registry.loadVersion("ranker", "v3")).map(ModelVersion::stage).contains(ModelStage.ARCHIVED);
        assertThat(registry.championHistory("ranker")).containsExactly("v1", "v2", "v3", "v2");
    }

    @Test
    void rollbackWithoutAPreviousChampionIsAConflictNamingTheModel() {
        register(Versions.ranker("ranker", "v1", 0.3));
        assertThatThrownBy(() -> service.rollback(new RollbackModelCommand("ranker")))
                .isInstanceOf(ModelConflictException.class)
                .extracting(e -> ((ModelConflictException) e).field()).isEqualTo("name");

        service.promote(new PromoteModelVersionCommand("ranker", "v1"));

        assertThatThrownBy(() -> service.rollback(new RollbackModelCommand("ranker")))
                .isInstanceOf(ModelConflictException.class);
    }

    @Test
    void unknownModelsAndVersionsAreNotFoundNamingTheField() {
        register(Versions.ranker("ranker", "v1", 0.3));

        assertThatThrownBy(() -> service.list(new ListModelVersionsQuery("nope")))
                .isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("name");
        assertThatThrownBy(() -> service.promote(new PromoteModelVersionCommand("ranker", "v9")))
                .isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("version");
        assertThatThrownBy(() -> service.rollback(new RollbackModelCommand("nope")))
                .isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("name");
    }

    /** The service over the same registry, refusing the versions in {@code unservable} and counting changes. */
    private Registry verifyingService(Set<String> unservable, AtomicInteger changes) {
        return registry( version -> {
            if (unservable.contains(version.version())) {
                throw new InvalidFieldException("artifact", "version " + version.version() + " of '"
                        + version.name() + "' cannot serve");
            }
        }, changes::incrementAndGet);
    }

    private String championOf(String name) {
        return service.list(new ListModelsQuery()).stream().filter(m -> m.name().equals(name)).findFirst()
                .flatMap(RegisteredModel::champion).orElse("none");
    }

    private ModelVersion register(ModelVersion version) {
        return service.register(new RegisterModelVersionCommand(version));
    }

    private static ModelVersion withParent(ModelVersion version, String parent) {
        return aVersion(version.name(), version.version()).kind(version.kind()).stage(version.stage())
                .metrics(version.metrics()).schema(version.schema()).artifact(version.artifactUri())
                .window(version.trainingWindow()).parent(parent).createdAt(version.createdAt()).build();
    }

    private Registry registry(Consumer<ModelVersion> verifyServable, Runnable championChanged) {
        ChampionChanges changes = new ChampionChanges(verifyServable, championChanged);
        return new Registry(new RegisterModelVersionService(registry, registry), new ListModelsService(registry),
                new ListModelVersionsService(registry), new PromoteModelVersionService(registry, registry, changes),
                new RollbackModelService(registry, registry, changes));
    }

    /** The five registry use cases. */
    private record Registry(RegisterModelVersionService registering, ListModelsService models,
                            ListModelVersionsService versions, PromoteModelVersionService promoting,
                            RollbackModelService rollingBack) {

        ModelVersion register(RegisterModelVersionCommand command) {
            return registering.register(command);
        }

        List<RegisteredModel> list(ListModelsQuery query) {
            return models.list(query);
        }

        List<ModelVersion> list(ListModelVersionsQuery query) {
            return versions.list(query);
        }

        ChampionChange promote(PromoteModelVersionCommand command) {
            return promoting.promote(command);
        }

        ChampionChange rollback(RollbackModelCommand command) {
            return rollingBack.rollback(command);
        }
    }
}
