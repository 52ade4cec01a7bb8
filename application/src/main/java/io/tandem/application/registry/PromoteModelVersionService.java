package io.tandem.application.registry;

import io.tandem.application.registry.port.in.PromoteModelVersionCommand;
import io.tandem.application.registry.port.in.PromoteModelVersionUseCase;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelVersion;

import java.util.Objects;

/** Makes a version champion, once it is verified to serve; the store applies the change atomically. */
public final class PromoteModelVersionService implements PromoteModelVersionUseCase {

    private final LoadModelVersionsPort loadVersions;
    private final ChangeModelStagesPort changeStages;
    private final ChampionChanges championChanges;

    public PromoteModelVersionService(LoadModelVersionsPort loadVersions, ChangeModelStagesPort changeStages,
                                      ChampionChanges championChanges) {
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
        this.changeStages = Objects.requireNonNull(changeStages, "changeStages");
        this.championChanges = Objects.requireNonNull(championChanges, "championChanges");
    }

    @Override
    public ChampionChange promote(PromoteModelVersionCommand command) {
        ModelVersion version = loadVersions.loadVersion(command.name(), command.version())
                .orElseThrow(() -> loadVersions.loadVersions(command.name()).isEmpty()
                        ? ModelNotFoundException.unknownModel(command.name())
                        : ModelNotFoundException.unknownVersion(command.name(), command.version()));
        championChanges.verifyServable().accept(version);
        ChampionChange change = changeStages.promote(command.name(), command.version());
        championChanges.changed().run();
        return change;
    }
}
