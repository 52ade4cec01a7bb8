package io.tandem.application.registry;

import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.ListModelsPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.SaveModelVersionPort;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The registry ports over plain collections, with the champion history as a stack per model. */
public final class RegistryFake
        implements SaveModelVersionPort, LoadModelVersionsPort, ListModelsPort, ChangeModelStagesPort {

    private final Map<String, Map<String, ModelVersion>> models = new TreeMap<>();
    private final Map<String, List<String>> championHistory = new TreeMap<>();
    private final List<String> stageChanges = new ArrayList<>();

    @Override
    public synchronized boolean saveIfAbsent(ModelVersion version) {
        if (version.stage() != ModelStage.CANDIDATE) {
            throw new IllegalArgumentException("a new version must be a candidate");
        }
        return models.computeIfAbsent(version.name(), n -> new LinkedHashMap<>())
                .putIfAbsent(version.version(), version) == null;
    }

    @Override
    public synchronized Optional<ModelVersion> loadVersion(String name, String version) {
        return Optional.ofNullable(models.getOrDefault(name, Map.of()).get(version));
    }

    @Override
    public synchronized List<ModelVersion> loadVersions(String name) {
        List<ModelVersion> versions = new ArrayList<>(models.getOrDefault(name, Map.of()).values());
        Collections.reverse(versions);
        return versions;
    }

    @Override
    public synchronized List<RegisteredModel> listModels() {
        List<RegisteredModel> list = new ArrayList<>();
        models.forEach((name, versions) -> {
            List<ModelVersion> all = new ArrayList<>(versions.values());
            ModelVersion latest = all.get(all.size() - 1);
            list.add(new RegisteredModel(name, latest.kind(), all.size(), championOf(name).map(ModelVersion::version),
                    latest.version(), latest.createdAt()));
        });
        return list;
    }

    @Override
    public synchronized ChampionChange promote(String name, String version) {
        stageChanges.add("promote " + name + " " + version);
        return crown(name, version);
    }

    @Override
    public synchronized ChampionChange promoteIfChampionIs(String name, String version,
                                                           Optional<String> expectedChampion) {
        stageChanges.add("promoteIfChampionIs " + name + " " + version + " from " + expectedChampion.orElse("none"));
        existing(name);
        if (!championOf(name).map(ModelVersion::version).equals(expectedChampion)) {
            throw new ModelConflictException("name", "champion changed");
        }
        return crown(name, version);
    }

    private ChampionChange crown(String name, String version) {
        Map<String, ModelVersion> versions = existing(name);
        ModelVersion target = versions.get(version);
        if (target == null) {
            throw ModelNotFoundException.unknownVersion(name, version);
        }
        Optional<ModelVersion> champion = championOf(name);
        if (champion.isPresent() && champion.get().version().equals(version)) {
            return new ChampionChange(champion.get(), Optional.empty());
        }
        Optional<ModelVersion> archived = champion.map(c -> put(c.withStage(ModelStage.ARCHIVED)));
        ModelVersion promoted = put(target.withStage(ModelStage.CHAMPION));
        championHistory.computeIfAbsent(name, n -> new ArrayList<>()).add(version);
        return new ChampionChange(promoted, archived);
    }

    @Override
    public synchronized Optional<ModelVersion> loadPreviousChampion(String name) {
        return previousChampion(name).map(models.get(name)::get);
    }

    @Override
    public synchronized ChampionChange rollbackTo(String name, String previousChampion, String expectedChampion) {
        existing(name);
        stageChanges.add("rollbackTo " + name + " " + previousChampion + " from " + expectedChampion);
        if (!championOf(name).map(ModelVersion::version).equals(Optional.of(expectedChampion))
                || !previousChampion(name).equals(Optional.of(previousChampion))) {
            throw new ModelConflictException("name", "champion or previous champion changed");
        }
        return restore(name, previousChampion);
    }

    /** Every call that asked to change a stage, in order, whether or not it changed anything. */
    public synchronized List<String> stageChanges() {
        return List.copyOf(stageChanges);
    }

    /** The versions that became champion, oldest first; the last is the current champion. */
    public synchronized List<String> championHistory(String name) {
        return List.copyOf(championHistory.getOrDefault(name, List.of()));
    }

    /** The entry below the top of the history, when the model has a champion and one before it. */
    private Optional<String> previousChampion(String name) {
        List<String> history = championHistory.getOrDefault(name, List.of());
        if (championOf(name).isEmpty() || history.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(history.get(history.size() - 2));
    }

    /** Pops the current champion off the history and makes {@code previous}, now on top, champion again. */
    private ChampionChange restore(String name, String previous) {
        List<String> history = championHistory.get(name);
        history.remove(history.size() - 1);
        ModelVersion archived = put(championOf(name).orElseThrow().withStage(ModelStage.ARCHIVED));
        ModelVersion restored = put(models.get(name).get(previous).withStage(ModelStage.CHAMPION));
        return new ChampionChange(restored, Optional.of(archived));
    }

    private Map<String, ModelVersion> existing(String name) {
        Map<String, ModelVersion> versions = models.get(name);
        if (versions == null) {
            throw ModelNotFoundException.unknownModel(name);
        }
        return versions;
    }

    private Optional<ModelVersion> championOf(String name) {
        return models.getOrDefault(name, Map.of()).values().stream()
                .filter(v -> v.stage() == ModelStage.CHAMPION)
                .findFirst();
    }

    private ModelVersion put(ModelVersion version) {
        models.get(version.name()).put(version.version(), Objects.requireNonNull(version));
        return version;
    }
}
