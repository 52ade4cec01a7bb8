package io.tandem.bootstrap;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration records read the way Micronaut binds them, for {@link ConfigurationCheck}, which must judge the
 * configuration before any bean exists: the type of every property the records declare, and a record built from its
 * properties and the metadata's defaults.
 */
final class ConfigurationBinder {

    private final PropertyResolver environment;
    private final ConfigurationMetadata metadata;

    ConfigurationBinder(PropertyResolver environment, ConfigurationMetadata metadata) {
        this.environment = environment;
        this.metadata = metadata;
    }

    /**
     * Every configuration-record property that is set must convert to its type: one problem line for each that does
     * not; empty when all do.
     */
    List<String> typeProblems() {
        List<String> problems = new ArrayList<>();
        for (ConfigurationMetadata.Property property : metadata.properties().values()) {
            Optional<Class<?>> type = scalarType(property.type());
            if (type.isEmpty() || !environment.containsProperty(property.name())) {
                continue;
            }
            Optional<String> raw = environment.getProperty(property.name(), String.class);
            if (raw.isPresent() && environment.getProperty(property.name(), type.get()).isEmpty()) {
                problems.add(Setting.of(property.name()).problem("'" + raw.get() + "' is not "
                        + describe(type.get())));
            }
        }
        return problems;
    }

    /**
     * A configuration record as Micronaut binds it: each component from its property or the metadata default, a
     * nested record only when some property under its prefix is set.
     */
    <R extends Record> R bind(Class<R> type, String prefix) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            String property = prefix + "." + Setting.kebab(component.getName());
            if (component.getType().isRecord()) {
                values[i] = environment.containsProperties(property)
                        ? bind(component.getType().asSubclass(Record.class), property) : null;
            } else {
                values[i] = value(property, component.getType()).orElse(null);
            }
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("cannot read " + prefix + ".*", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + prefix + ".*", e);
        }
    }

    private <T> Optional<T> value(String property, Class<T> type) {
        Optional<T> configured = environment.getProperty(property, type);
        if (configured.isPresent()) {
            return configured;
        }
        return metadata.property(property).flatMap(ConfigurationMetadata.Property::defaultValue)
                .flatMap(fallback -> ConversionService.SHARED.convert(fallback, type));
    }

    private static Optional<Class<?>> scalarType(String type) {
        return Optional.ofNullable(switch (type) {
            case "int", "java.lang.Integer" -> Integer.class;
            case "long", "java.lang.Long" -> Long.class;
            case "short", "java.lang.Short" -> Short.class;
            case "double", "java.lang.Double" -> Double.class;
            case "boolean", "java.lang.Boolean" -> Boolean.class;
            case "java.time.Duration" -> Duration.class;
            default -> null;
        });
    }

    private static String describe(Class<?> type) {
        if (type == Duration.class) {
            return "a duration (such as 500ms, 2s, 7d)";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        return type == Double.class ? "a number" : "a whole number";
    }
}
