package io.tandem.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every property of the configuration records ({@code @ConfigurationProperties}) with its type and default, as
 * Micronaut's annotation processor writes them to {@value #RESOURCE} at compile time. The configuration check
 * reads values through it, and a test holds the README's configuration table against it.
 */
final class ConfigurationMetadata {

    static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

    /** One property: its Java type name ({@code java.time.Duration}, {@code int}) and default, if any. */
    record Property(String name, String type, Optional<String> defaultValue) {
    }

    private final Map<String, Property> properties;

    private ConfigurationMetadata(Map<String, Property> properties) {
        this.properties = Collections.unmodifiableMap(properties);
    }

    /** The properties under {@code tandem.}, from every metadata file on the class path. */
    static ConfigurationMetadata load() {
        Map<String, Property> found = new TreeMap<>();
        JsonMapper json = JsonMapper.createDefault();
        try {
            ClassLoader loader = ConfigurationMetadata.class.getClassLoader();
            for (URL resource : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = resource.openStream()) {
                    JsonNode root = json.readValue(in, JsonNode.class);
                    JsonNode list = root.get("properties");
                    if (list == null) {
                        continue;
                    }
                    for (JsonNode entry : list.values()) {
                        String name = entry.get("name").getStringValue();
                        if (name.startsWith("tandem.")) {
                            JsonNode value = entry.get("defaultValue");
                            found.put(name, new Property(name, entry.get("type").getStringValue(),
                                    value == null ? Optional.empty() : Optional.of(value.coerceStringValue())));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration metadata " + RESOURCE, e);
        }
        return new ConfigurationMetadata(found);
    }

    /** By name, in name order. */
    Map<String, Property> properties() {
        return properties;
    }

    Optional<Property> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}
