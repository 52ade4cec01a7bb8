package io.tandem.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A model name in the registry at a glance: its kind, how many versions it has, which one is champion and
 * which was registered last.
 */
public record RegisteredModel(String name, ModelKind kind, int versionCount, Optional<String> champion,
                              String latestVersion, Instant latestCreatedAt) {

    public RegisteredModel {
        name = ModelNames.require("name", name);
        Objects.requireNonNull(kind, "kind");
        if (versionCount < 1) {
            throw new IllegalArgumentException("a registered model has at least one version");
        }
        Objects.requireNonNull(champion, "champion");
        latestVersion = ModelNames.require("latestVersion", latestVersion);
        Objects.requireNonNull(latestCreatedAt, "latestCreatedAt");
    }
}
