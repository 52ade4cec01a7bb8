package io.tandem.bootstrap;

import io.tandem.application.registry.ChampionChanges;
import io.tandem.application.registry.RollbackModelService;
import io.tandem.application.registry.port.in.RollbackModelCommand;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.ModelChangeNotPublishedException;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelStageChanged;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every path that changes the champion publishes it; a publication that fails never fails the change, and a change
 * refused or never made (a rollback whose restored version cannot serve) publishes nothing.
 */
class PublishingModelStagesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<ModelStageChanged> published = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final StubRegistry registry = new StubRegistry();

    @Test
    void promotionsAndRollbacksArePublishedWithTheNewChampion() {
        PublishingModelStages stages = new PublishingModelStages(registry, published::add, CLOCK,
                failures::incrementAndGet);

        ChampionChange promoted = stages.promote("two-stage", "v2");
        stages.promoteIfChampionIs("two-stage", "v3", Optional.of("v2"));
        ChampionChange rolledBack = stages.rollbackTo("two-stage", "v1", "v2");

        assertThat(promoted).isEqualTo(registry.changeTo("two-stage", "v2"));
        assertThat(rolledBack).isEqualTo(registry.changeTo("two-stage", "v1"));
        assertThat(published).containsExactly(
                new ModelStageChanged("two-stage", "v2", ModelStage.CHAMPION, NOW),
                new ModelStageChanged("two-stage", "v3", ModelStage.CHAMPION, NOW),
                new ModelStageChanged("two-stage", "v1", ModelStage.CHAMPION, NOW));
        assertThat(failures).hasValue(0);
    }

    @Test
    void aFailedPublicationIsCountedAndTheChangeStands() {
        PublishingModelStages stages = new PublishingModelStages(registry, change -> {
            throw new ModelChangeNotPublishedException("Kafka is down (test)", null);
        }, CLOCK, failures::incrementAndGet);

        assertThat(stages.promote("two-stage", "v2").champion().version()).isEqualTo("v2");
        assertThat(stages.rollbackTo("two-stage", "v1", "v2").champion().version()).isEqualTo("v1");
        assertThat(failures).hasValue(2);
    }

    @Test
    void nothingIsPublishedWhenTheRegistryChangesNothingOrRefuses() {
        PublishingModelStages stages = new PublishingModelStages(registry, published::add, CLOCK,
                failures::incrementAndGet);
        assertThatThrownBy(() -> stages.promoteIfChampionIs("two-stage", "v3", Optional.of("v0")))
                .isInstanceOf(ModelConflictException.class);
        assertThatThrownBy(() -> stages.rollbackTo("two-stage", "v1", "v0"))
                .isInstanceOf(ModelConflictException.class);
        assertThat(published).isEmpty();
    }

    @Test
    void aRollbackRefusedBecauseTheRestoredVersionCannotServePublishesNothing() {
        PublishingModelStages stages = new PublishingModelStages(registry, published::add, CLOCK,
                failures::incrementAndGet);
        AtomicInteger swaps = new AtomicInteger();
        RollbackModelService service = new RollbackModelService(registry, stages, new ChampionChanges(
                version -> {
                    throw new InvalidFieldException("artifact", "version " + version.version() + " cannot serve");
                }, swaps::incrementAndGet));

        assertThatThrownBy(() -> service.rollback(new RollbackModelCommand("two-stage")))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo("version v1 cannot serve"));

        assertThat(registry.stageCalls).as("the registry's stages are not even asked").isZero();
        assertThat(published).isEmpty();
        assertThat(swaps).hasValue(0);
    }

    @Test
    void aVerifiedRollbackIsPublishedOnceWithTheRestoredVersion() {
        PublishingModelStages stages = new PublishingModelStages(registry, published::add, CLOCK,
                failures::incrementAndGet);
        RollbackModelService service = new RollbackModelService(registry, stages, ChampionChanges.none());

        assertThat(service.rollback(new RollbackModelCommand("two-stage")).champion().version()).isEqualTo("v1");

        assertThat(published).containsExactly(new ModelStageChanged("two-stage", "v1", ModelStage.CHAMPION, NOW));
    }

    /**
     * Answers each stage call with a change to the named version; a rollback returns to v1. Read, the model has v2
     * as champion and v1 before it.
     */
    private static final class StubRegistry implements ChangeModelStagesPort, LoadModelVersionsPort {

        int stageCalls;

        @Override
        public ChampionChange promote(String name, String version) {
            stageCalls++;
            return changeTo(name, version);
        }

        @Override
        public ChampionChange promoteIfChampionIs(String name, String version, Optional<String> expectedChampion) {
            stageCalls++;
            if (expectedChampion.equals(Optional.of("v0"))) {
                throw new ModelConflictException("champion", "the champion is no longer v0");
            }
            return changeTo(name, version);
        }

        @Override
        public ChampionChange rollbackTo(String name, String previousChampion, String expectedChampion) {
            stageCalls++;
            if (!expectedChampion.equals("v2") || !previousChampion.equals("v1")) {
                throw new ModelConflictException("name", "the champion is v2 and v1 the one before it");
            }
            return changeTo(name, previousChampion);
        }

        @Override
        public Optional<ModelVersion> loadVersion(String name, String version) {
            return loadVersions(name).stream().filter(v -> v.version().equals(version)).findFirst();
        }

        @Override
        public List<ModelVersion> loadVersions(String name) {
            return List.of(version(name, "v2", ModelStage.CHAMPION), version(name, "v1", ModelStage.ARCHIVED));
        }

        @Override
        public Optional<ModelVersion> loadPreviousChampion(String name) {
            return Optional.of(version(name, "v1", ModelStage.ARCHIVED));
        }

        ChampionChange changeTo(String name, String version) {
            return new ChampionChange(version(name, version, ModelStage.CHAMPION), Optional.empty());
        }

        private static ModelVersion version(String name, String version, ModelStage stage) {
            return aVersion(name, version).retriever().stage(stage).holdOut("holdout").ndcg(0.4)
                    .artifact("file:///tmp/models/" + name + "/" + version + "/serving.bin")
                    .window(new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"),
                            Instant.parse("2026-11-01T00:00:00Z")))
                    .createdAt(NOW).build();
        }
    }
}
