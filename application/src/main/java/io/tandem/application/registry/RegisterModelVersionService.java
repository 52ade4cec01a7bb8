package io.tandem.application.registry;

import io.tandem.application.registry.port.in.RegisterModelVersionCommand;
import io.tandem.application.registry.port.in.RegisterModelVersionUseCase;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.SaveModelVersionPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelVersion;

import java.util.List;
import java.util.Objects;

/**
 * Registers a trained version as a candidate: never champion on entry, only an explicit promotion or a rollback
 * changes the champion. A name keeps one kind, a parent must exist, and a version number is never reused.
 */
public final class RegisterModelVersionService implements RegisterModelVersionUseCase {

    private final SaveModelVersionPort saveVersion;
    private final LoadModelVersionsPort loadVersions;

    public RegisterModelVersionService(SaveModelVersionPort saveVersion, LoadModelVersionsPort loadVersions) {
        this.saveVersion = Objects.requireNonNull(saveVersion, "saveVersion");
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
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
}
