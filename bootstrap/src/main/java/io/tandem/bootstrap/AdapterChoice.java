package io.tandem.bootstrap;

import io.micronaut.core.value.PropertyResolver;

import java.util.List;

/**
 * One configuration property that chooses an adapter, with its allowed values. An unknown value stops
 * start-up with a message naming the property and what it accepts, instead of silently using a default.
 */
enum AdapterChoice {
    ONLINE_STORE("tandem.online-store", "memory", List.of("memory", "redis")),
    EVENT_IDS("tandem.event-ids", "memory", List.of("memory", "redis", "jdbc")),
    CATALOG("tandem.catalog", "jdbc", List.of("jdbc", "memory")),
    EVENT_LOG("tandem.event-log", "local", List.of("local", "memory", "kafka")),
    LAKE("tandem.lake.store", "filesystem", List.of("filesystem", "minio")),
    ARTIFACTS("tandem.artifacts", "filesystem", List.of("filesystem", "minio")),
    JOBS("tandem.jobs", "jdbc", List.of("jdbc", "memory")),
    API_KEYS("tandem.auth.keys", "jdbc", List.of("jdbc", "memory")),
    EXPERIMENTS("tandem.experiments.store", "jdbc", List.of("jdbc", "memory")),
    RATE_LIMITS("tandem.auth.rate-limits", "memory", List.of("memory", "redis"));

    private final String property;
    private final String defaultValue;
    private final List<String> allowed;

    AdapterChoice(String property, String defaultValue, List<String> allowed) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.allowed = allowed;
    }

    String property() {
        return property;
    }

    /** The configured value, checked against the allowed ones. */
    String valueIn(PropertyResolver environment) {
        String value = environment.getProperty(property, String.class).orElse(defaultValue).strip();
        if (!allowed.contains(value)) {
            throw new InvalidSettingException(Setting.of(property), "unknown value '" + value + "'; allowed: "
                    + String.join(", ", allowed));
        }
        return value;
    }
}
