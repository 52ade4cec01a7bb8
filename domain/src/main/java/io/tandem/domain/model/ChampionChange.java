package io.tandem.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a promotion or a rollback, applied atomically: the version now champion and the one it
 * replaced, which is archived (none when the model had no champion, or the champion was promoted again).
 */
public record ChampionChange(ModelVersion champion, Optional<ModelVersion> archived) {

    public ChampionChange {
        Objects.requireNonNull(champion, "champion");
        Objects.requireNonNull(archived, "archived");
        if (champion.stage() != ModelStage.CHAMPION) {
            throw new IllegalArgumentException("the new champion must be at stage champion");
        }
        if (archived.isPresent() && archived.get().stage() != ModelStage.ARCHIVED) {
            throw new IllegalArgumentException("the replaced champion must be archived");
        }
    }
}
