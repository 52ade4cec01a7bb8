package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.time.Instant;
import java.util.Objects;

/**
 * A version of a model moved to a new stage at a moment: what the registry tells every serving instance after a
 * promotion, a rollback or a training run that changed the champion, so each reloads without waiting for its poll.
 */
public record ModelStageChanged(String name, String version, ModelStage stage, Instant changedAt) {

    public ModelStageChanged {
        name = InvalidFieldException.requireText("name", name);
        version = InvalidFieldException.requireText("version", version);
        if (stage == null) {
            throw new InvalidFieldException("stage", "is required");
        }
        if (changedAt == null) {
            throw new InvalidFieldException("changedAt", "is required");
        }
    }

    /** The new champion of {@code change}, as of {@code at}. */
    public static ModelStageChanged championOf(ChampionChange change, Instant at) {
        Objects.requireNonNull(change, "change");
        return new ModelStageChanged(change.champion().name(), change.champion().version(), ModelStage.CHAMPION, at);
    }
}
