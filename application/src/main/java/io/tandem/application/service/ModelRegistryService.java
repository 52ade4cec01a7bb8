package io.tandem.application.service;

import io.tandem.application.port.in.ListModelVersionsQuery;
import io.tandem.application.port.in.ListModelVersionsUseCase;
import io.tandem.application.port.in.ListModelsQuery;
import io.tandem.application.port.in.ListModelsUseCase;
import io.tandem.application.port.in.PromoteModelVersionCommand;
import io.tandem.application.port.in.PromoteModelVersionUseCase;
import io.tandem.application.port.in.RegisterModelVersionCommand;
import io.tandem.application.port.in.RegisterModelVersionUseCase;
import io.tandem.application.port.in.RollbackModelCommand;
import io.tandem.application.port.in.RollbackModelUseCase;
import io.tandem.application.port.out.ChangeModelStagesPort;
import io.tandem.application.port.out.ListModelsPort;
import io.tandem.application.port.out.LoadModelVersionsPort;
import io.tandem.application.port.out.SaveModelVersionPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The model registry's use cases: versions enter as candidates, and only an explicit promotion or a
 * rollback changes the champion, each applied atomically by the store.
 */
public final class ModelRegistryService implements RegisterModelVersionUseCase, ListModelsUseCase,
        ListModelVersionsUseCase, PromoteModelVersionUseCase, RollbackModelUseCase {

    private final SaveModelVersionPort saveVersion;
    private final LoadModelVersionsPort loadVersions;
    private final ListModelsPort listModels;
    private final ChangeModelStagesPort changeStages;
    private final Consumer<ModelVersion> verifyServable;
    private final Runnable championChanged;

    public ModelRegistryService(SaveModelVersionPort saveVersion, LoadModelVersionsPort loadVersions,
                                ListModelsPort listModels, ChangeModelStagesPort changeStages) {
        this(saveVersion, loadVersions, listModels, changeStages, version -> { }, () -> { });
    }

    /**
     * @param verifyServable loads a version as serving would and throws when it cannot serve (for example
     *                       {@link ServingModels#verify}); a promotion and a rollback call it on the version they
     *                       would make champion before changing anything, so a missing or corrupt artifact is
     *                       refused and the champion stays
     * @param championChanged runs after a promotion or a rollback changed the champion (serving reloads, other
     *                        instances are told)
     */
    public ModelRegistryService(SaveModelVersionPort saveVersion, LoadModelVersionsPort loadVersions,
                                ListModelsPort listModels, ChangeModelStagesPort changeStages,
                                Consumer<ModelVersion> verifyServable, Runnable championChanged) {
        this.saveVersion = Objects.requireNonNull(saveVersion, "saveVersion");
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
        this.listModels = Objects.requireNonNull(listModels, "listModels");
        this.changeStages = Objects.requireNonNull(changeStages, "changeStages");
        this.verifyServable = Objects.requireNonNull(verifyServable, "verifyServable");
        this.championChanged = Objects.requireNonNull(championChanged, "championChanged");
    }

    @Override
    public ModelVersion register(RegisterModelVersionCommand command) {
        ModelVersion version = command.version();
        List<ModelVersion> existing = loadVersions.loadVersions(version.name());
        if (!existing.isEmpty() && existing.get(0).kind() != version.kind()) {
            // One name, one kind: serving looks a champion up by name and must know what it gets.
            throw new ModelConflictException("kind", "model '" + version.name() + "' is a "
                    + existing.get(0).kind().wireName() + ", not a " + version.kind().wireName());
        }
        if (version.parent().isPresent()
                && existing.stream().noneMatch(v -> v.version().equals(version.parent().get()))) {
            throw new InvalidFieldException("parent", "model '" + version.name() + "' has no version '"
                    + version.parent().get() + "'");
        }
        if (!saveVersion.saveIfAbsent(version)) {
            throw new ModelConflictException("version", "model '" + version.name() + "' already has version '"
                    + version.version() + "'");
        }
        return version;
    }

    @Override
    public List<RegisteredModel> list(ListModelsQuery query) {
        return listModels.listModels();
    }

    @Override
    public List<ModelVersion> list(ListModelVersionsQuery query) {
        List<ModelVersion> versions = loadVersions.loadVersions(query.name());
        if (versions.isEmpty()) {
            throw ModelNotFoundException.unknownModel(query.name());
        }
        return versions;
    }

    @Override
    public ChampionChange promote(PromoteModelVersionCommand command) {
        ModelVersion version = loadVersions.loadVersion(command.name(), command.version())
                .orElseThrow(() -> loadVersions.loadVersions(command.name()).isEmpty()
                        ? ModelNotFoundException.unknownModel(command.name())
                        : ModelNotFoundException.unknownVersion(command.name(), command.version()));
        verifyServable.accept(version);
        ChampionChange change = changeStages.promote(command.name(), command.version());
        championChanged.run();
        return change;
    }

    /**
     * Restores the previous champion, verified as a promotion is: one that can no longer serve (its artifacts
     * went missing or corrupt since) is refused and nothing changes.
     *
     * <p>The version a rollback would restore is read and verified first, and the store's rollback then applies
     * only while the champion and the version before it are still the ones read: a promotion or rollback that won
     * meanwhile makes this one a conflict rather than restore a version nobody verified. So the registry never
     * shows a refused version as champion, and nothing is changed, published or swapped for a refusal.
     */
    @Override
    public ChampionChange rollback(RollbackModelCommand command) {
        String name = command.name();
        List<ModelVersion> versions = loadVersions.loadVersions(name);
        if (versions.isEmpty()) {
            throw ModelNotFoundException.unknownModel(name);
        }
        String champion = versions.stream().filter(v -> v.stage() == ModelStage.CHAMPION)
                .map(ModelVersion::version).findFirst()
                .orElseThrow(() -> ModelConflictException.noPreviousChampion(name));
        ModelVersion previous = loadVersions.loadPreviousChampion(name)
                .orElseThrow(() -> ModelConflictException.noPreviousChampion(name));
        verifyServable.accept(previous);
        ChampionChange change = changeStages.rollbackTo(name, previous.version(), champion);
        championChanged.run();
        return change;
    }
}
