package io.tandem.application.registry;

import io.tandem.domain.model.ModelVersion;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a promotion and a rollback do around the store's stage change: verify the version they would make champion
 * before changing anything, and tell serving once the champion changed.
 *
 * @param verifyServable loads a version as serving would and throws when it cannot serve (for example
 *                       {@link io.tandem.application.serving.ServingModels#verify}), so a missing or corrupt artifact
 *                       is refused and the champion stays
 * @param changed        runs after the champion changed (serving reloads, other instances are told)
 */
public record ChampionChanges(Consumer<ModelVersion> verifyServable, Runnable changed) {

    public ChampionChanges {
        Objects.requireNonNull(verifyServable, "verifyServable");
        Objects.requireNonNull(changed, "changed");
    }

    /** Verifies nothing and tells nobody: a registry without serving. */
    public static ChampionChanges none() {
        return new ChampionChanges(version -> { }, () -> { });
    }
}
