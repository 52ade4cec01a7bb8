package io.tandem.domain.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every experiment by its name, in the order created: what an experiment store keeps, held in memory. A name is
 * taken once and never reused; a change sees every experiment (the surface rule needs them) and must keep the name.
 * Not thread-safe: its holder guards it with one lock, so each change is one step.
 */
public final class ExperimentRegister {

    private final Map<String, Experiment> byName = new LinkedHashMap<>();

    /** Adds {@code experiment}; false, changing nothing, when its name is taken. */
    public boolean add(Experiment experiment) {
        Objects.requireNonNull(experiment, "experiment");
        return byName.putIfAbsent(experiment.name(), experiment) == null;
    }

    public Optional<Experiment> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every experiment, in the order created. */
    public List<Experiment> all() {
        return List.copyOf(byName.values());
    }

    /**
     * Replaces the experiment {@code name} with what {@code change} makes of it and of every experiment; empty,
     * changing nothing, when there is none of that name. A change that renames the experiment is refused.
     */
    public Optional<Experiment> change(String name, BiFunction<Experiment, List<Experiment>, Experiment> change) {
        Experiment stored = byName.get(name);
        if (stored == null) {
            return Optional.empty();
        }
        Experiment changed = change.apply(stored, all());
        if (!changed.name().equals(name)) {
            throw new IllegalArgumentException("a change must keep the experiment's name '" + name + "'");
        }
        byName.put(name, changed);
        return Optional.of(changed);
    }
}
