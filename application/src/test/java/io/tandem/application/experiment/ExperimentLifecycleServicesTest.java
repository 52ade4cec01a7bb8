package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.CreateExperimentCommand;
import io.tandem.application.experiment.port.in.StartExperimentCommand;
import io.tandem.application.experiment.port.in.StopExperimentCommand;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating, listing, starting and stopping experiments over one store, with every refusal naming its field. */
class ExperimentLifecycleServicesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private static final LoadModelVersionsPort REGISTRY = ExperimentFixture.registry("two-stage", "v1", "v2");

    private final ExperimentStoreFake store = new ExperimentStoreFake();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CreateExperimentService create = new CreateExperimentService(store, REGISTRY);
    private final StartExperimentService start = new StartExperimentService(store, clock);
    private final StopExperimentService stop = new StopExperimentService(store, clock);
    private final ListExperimentsService list = new ListExperimentsService(store);

    @Test
    void aCreatedExperimentIsAStoredDraftAndIsListed() {
        Experiment created = create.create(command("ab-1", Optional.empty(),
                Variant.of("a", 0.5, VariantModel.version("two-stage", "v2")),
                Variant.of("b", 0.5, VariantModel.ruleBasedFallback())));

        assertThat(created.status()).isEqualTo(ExperimentStatus.DRAFT);
        assertThat(created.salt()).isEqualTo("ab-1");
        assertThat(list.list()).containsExactly(created);
    }

    @Test
    void sharesThatDoNotSumToOneAreRefusedNamingTheVariants() {
        assertThatThrownBy(() -> command("ab-1", Optional.empty(), Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("b", 0.4, VariantModel.champion())))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("variants");
                    assertThat(refused.reason()).contains("sum to 1");
                });
    }

    @Test
    void anUnknownModelOrVersionIsRefusedNamingTheVariantsFieldAndNothingIsStored() {
        assertThatThrownBy(() -> create.create(command("ab-1", Optional.empty(),
                Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("b", 0.5, VariantModel.version("two-stage", "v9")))))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("variants[1].model.version");
                    assertThat(refused.reason()).contains("'v9'");
                });
        assertThatThrownBy(() -> create.create(command("ab-1", Optional.empty(),
                Variant.of("a", 0.5, VariantModel.version("ranker", "v1")),
                Variant.of("b", 0.5, VariantModel.champion()))))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        refused -> assertThat(refused.field()).isEqualTo("variants[0].model.name"));
        assertThat(list.list()).isEmpty();
    }

    @Test
    void aNameIsTakenOnce() {
        create.create(command("ab-1", Optional.empty(), Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("b", 0.5, VariantModel.champion())));

        assertThatThrownBy(() -> create.create(command("ab-1", Optional.of("home"),
                Variant.of("x", 0.5, VariantModel.champion()), Variant.of("y", 0.5, VariantModel.champion()))))
                .isInstanceOfSatisfying(ExperimentConflictException.class,
                        conflict -> assertThat(conflict.field()).isEqualTo("name"));
    }

    @Test
    void startingRunsTheDraftFromNowAndStoppingEndsItForGood() {
        store.saveExperiment(ExperimentFixture.draft("ab-1"));

        Experiment running = start.start(new StartExperimentCommand("ab-1")).orElseThrow();
        assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.startedAt()).contains(NOW);
        assertThatThrownBy(() -> start.start(new StartExperimentCommand("ab-1")))
                .isInstanceOfSatisfying(ExperimentConflictException.class,
                        conflict -> assertThat(conflict.field()).isEqualTo("status"));

        Experiment stopped = stop.stop(new StopExperimentCommand("ab-1")).orElseThrow();
        assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.stoppedAt()).contains(NOW);
        assertThat(store.loadExperiment("ab-1")).contains(stopped);
    }

    @Test
    void stoppingAStoppedExperimentOrADraftIsAConflictOnStatusAndChangesNothing() {
        store.saveExperiment(ExperimentFixture.draft("draft-1"));
        store.saveExperiment(ExperimentFixture.draft("ab-1"));
        start.start(new StartExperimentCommand("ab-1"));
        Experiment stopped = stop.stop(new StopExperimentCommand("ab-1")).orElseThrow();

        assertThatThrownBy(() -> stop.stop(new StopExperimentCommand("ab-1")))
                .isInstanceOfSatisfying(ExperimentConflictException.class, conflict -> {
                    assertThat(conflict.field()).isEqualTo("status");
                    assertThat(conflict.getMessage()).contains("is stopped");
                });
        assertThatThrownBy(() -> stop.stop(new StopExperimentCommand("draft-1")))
                .isInstanceOf(ExperimentConflictException.class);
        assertThat(store.loadExperiment("ab-1")).contains(stopped);
    }

    @Test
    void anOverlappingExperimentCannotStartUntilTheRunningOneStops() {
        store.saveExperiment(ExperimentFixture.draft("home-1", Optional.of("home")));
        store.saveExperiment(ExperimentFixture.draft("cart-1", Optional.of("cart")));
        store.saveExperiment(ExperimentFixture.draft("everywhere"));
        store.saveExperiment(ExperimentFixture.draft("home-2", Optional.of("home")));
        start.start(new StartExperimentCommand("home-1"));
        start.start(new StartExperimentCommand("cart-1"));

        assertThatThrownBy(() -> start.start(new StartExperimentCommand("home-2")))
                .isInstanceOfSatisfying(ExperimentConflictException.class, conflict -> {
                    assertThat(conflict.field()).isEqualTo("surface");
                    assertThat(conflict.getMessage()).contains("'home-1'", "surface 'home'");
                });
        assertThatThrownBy(() -> start.start(new StartExperimentCommand("everywhere")))
                .isInstanceOf(ExperimentConflictException.class);
        assertThat(store.loadExperiment("home-2").orElseThrow().status()).isEqualTo(ExperimentStatus.DRAFT);

        stop.stop(new StopExperimentCommand("home-1"));
        assertThat(start.start(new StartExperimentCommand("home-2")).orElseThrow().status())
                .isEqualTo(ExperimentStatus.RUNNING);
    }

    @Test
    void unknownExperimentsAreNotFoundAndMalformedNamesAreRefused() {
        assertThat(start.start(new StartExperimentCommand("nope"))).isEmpty();
        assertThat(stop.stop(new StopExperimentCommand("nope"))).isEmpty();
        assertThatThrownBy(() -> new StopExperimentCommand("AB-1"))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        refused -> assertThat(refused.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new StartExperimentCommand("ab-1 ")).isInstanceOf(InvalidFieldException.class);
    }

    private static CreateExperimentCommand command(String name, Optional<String> surface, Variant... variants) {
        return new CreateExperimentCommand(name, Optional.empty(), surface, List.of(variants), OptionalDouble.empty());
    }
}
