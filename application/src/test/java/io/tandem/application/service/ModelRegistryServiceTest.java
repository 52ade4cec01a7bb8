package io.tandem.application.service;

import io.tandem.application.port.in.ListModelVersionsQuery;
import io.tandem.application.port.in.ListModelsQuery;
import io.tandem.application.port.in.PromoteModelVersionCommand;
import io.tandem.application.port.in.RegisterModelVersionCommand;
import io.tandem.application.port.in.RollbackModelCommand;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ModelRegistryServiceTest {

    private final RegistryFake registry = new RegistryFake();
    private final ModelRegistryService service = new ModelRegistryService(registry, registry, registry, registry);

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

    private ModelVersion register(ModelVersion version) {
        return service.register(new RegisterModelVersionCommand(version));
    }

    private static ModelVersion withParent(ModelVersion version, String parent) {
        return new ModelVersion(version.name(), version.version(), version.kind(), version.stage(), version.metrics(),
                version.schema(), version.artifactUri(), version.trainingWindow(), Optional.of(parent),
                version.createdAt());
    }
}
