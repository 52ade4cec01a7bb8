package io.tandem.bootstrap;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration property with the environment variable that sets it, so that every message about a value can
 * name both. The variable is the property in upper case with {@code .} and {@code -} as {@code _}, Micronaut's own
 * rule ({@code tandem.lake.s3.access-key} is {@code TANDEM_LAKE_S3_ACCESS_KEY}), except for the few properties that
 * the configuration files read from a shorter name ({@code TANDEM_HTTP_PORT}; {@code TANDEM_JDBC_*} in the
 * production profile).
 */
record Setting(String property, String variable) {

    private static final Map<String, String> SHORT_NAMES = Map.of("micronaut.server.port", "TANDEM_HTTP_PORT");
    /** What application-production.yml reads for the database. */
    private static final Map<String, String> PRODUCTION_SHORT_NAMES = Map.of(
            "datasources.default.url", "TANDEM_JDBC_URL",
            "datasources.default.username", "TANDEM_JDBC_USER",
            "datasources.default.password", "TANDEM_JDBC_PASSWORD");

    Setting {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(variable, "variable");
    }

    static Setting of(String property) {
        return new Setting(property, SHORT_NAMES.getOrDefault(property, variableOf(property)));
    }

    /** The setting as the given profile reads it. */
    static Setting of(String property, Profile profile) {
        String shortName = profile.production() ? PRODUCTION_SHORT_NAMES.get(property) : null;
        return shortName == null ? of(property) : new Setting(property, shortName);
    }

    /** Micronaut's environment variable for a property. */
    static String variableOf(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A record component's name as a property segment: {@code accessKey} is {@code access-key}. */
    static String kebab(String name) {
        StringBuilder kebab = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }

    /**
     * One line naming the setting and what is wrong with it: {@code tandem.lake.s3.access-key
     * (TANDEM_LAKE_S3_ACCESS_KEY) is required when tandem.lake.store=minio}.
     */
    String problem(String reason) {
        boolean clause = reason.startsWith("is ") || reason.startsWith("must ") || reason.startsWith("does ")
                || reason.startsWith("cannot ");
        return this + (clause ? " " : ": ") + reason;
    }

    @Override
    public String toString() {
        return property + " (" + variable + ")";
    }
}
