package io.tandem.application.registry;

import io.tandem.application.registry.port.in.RollbackModelCommand;
import io.tandem.application.registry.port.in.RollbackModelUseCase;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;

import java.util.List;
import java.util.Objects;

/**
 * Restores the previous champion, verified as a promotion is: one that can no longer serve (its artifacts went
 * missing or corrupt since) is refused and nothing changes.
 *
 * <p>The version a rollback would restore is read and verified first, and the store's rollback then applies only
 * while the champion and the version before it are still the ones read: a promotion or rollback that won
 * meanwhile makes this one a conflict rather than restore a version nobody verified. So the registry never shows a
 * refused version as champion, and nothing is changed, published or swapped for a refusal.
 */
public final class RollbackModelService implements RollbackModelUseCase {

    private final LoadModelVersionsPort loadVersions;
    private final ChangeModelStagesPort changeStages;
    private final ChampionChanges championChanges;

    public RollbackModelService(LoadModelVersionsPort loadVersions, ChangeModelStagesPort changeStages,
                                ChampionChanges championChanges) {
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
        this.changeStages = Objects.requireNonNull(changeStages, "changeStages");
        this.championChanges = Objects.requireNonNull(championChanges, "championChanges");
    }

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
        championChanges.verifyServable().accept(previous);
        ChampionChange change = changeStages.rollbackTo(name, previous.version(), champion);
        championChanges.changed().run();
        return change;
    }
}
