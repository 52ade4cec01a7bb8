package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static io.tandem.domain.experiment.ExperimentFixture.START;
import static io.tandem.domain.experiment.ExperimentFixture.anExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExperimentTest {

    @Test
    void aDraftTakesItsNameAsSaltAndNamesAreExact() {
        Experiment experiment = anExperiment().named("ab-1").on("home").draft();

        assertThat(experiment.name()).isEqualTo("ab-1");
        assertThat(experiment.salt()).isEqualTo("ab-1");
        assertThat(experiment.surface()).contains("home");
        assertThat(experiment.status()).isEqualTo(ExperimentStatus.DRAFT);
        assertThat(experiment.startedAt()).isEmpty();
        assertThat(anExperiment().salt("shared-salt").draft().salt()).isEqualTo("shared-salt");
        // Never trimmed or lower-cased (ADR-0019): a padded or upper-case name is refused, not made another name.
        assertInvalid(() -> anExperiment().named(" ab-1 ").draft(), "name");
        assertInvalid(() -> anExperiment().named("AB-1").draft(), "name");
        assertInvalid(() -> anExperiment().on("Home").draft(), "surface");
        assertInvalid(() -> anExperiment().salt("Shared-Salt").draft(), "salt");
    }

    @Test
    void automaticPromotionNeedsAChallengerPinningAVersionAndStaysThroughTheLifeCycle() {
        List<Variant> pinned = List.of(Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("b", 0.5, VariantModel.version("two-stage", "v4")));
        Experiment auto = Experiment.draft("ab-1", Optional.empty(), Optional.empty(), pinned, OptionalDouble.empty(),
                true);

        assertThat(auto.autoPromote()).isTrue();
        assertThat(auto.pinnedChallengers()).extracting(Variant::name).containsExactly("b");
        assertThat(auto.start(START, List.of()).stop(START.plusSeconds(60)).autoPromote()).isTrue();
        assertThat(anExperiment().draft().autoPromote()).as("off unless asked for").isFalse();
        List<Variant> controlPinned = List.of(Variant.of("a", 0.5, VariantModel.version("two-stage", "v4")),
                Variant.of("b", 0.5, VariantModel.ruleBasedFallback()));
        assertThatThrownBy(() -> Experiment.draft("ab-2", Optional.empty(), Optional.empty(), controlPinned,
                OptionalDouble.empty(), true)).isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("autoPromote"));
    }

    @Test
    void itMovesFromDraftToRunningToStoppedAndNoOtherWay() {
        Experiment running = anExperiment().draft().start(START, List.of());
        Experiment stopped = running.stop(START.plusSeconds(3600));

        assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.startedAt()).contains(START);
        assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.stoppedAt()).contains(START.plusSeconds(3600));
        assertConflict(() -> stopped.stop(START.plusSeconds(7200)), "status");
        assertConflict(() -> stopped.start(START, List.of()), "status");
        assertConflict(() -> running.start(START, List.of()), "status");
        assertConflict(() -> anExperiment().draft().stop(START), "status");
        assertThatThrownBy(() -> running.stop(START.minusSeconds(1))).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aSecondRunningExperimentOnTheSameSurfaceIsRefused() {
        Experiment home = anExperiment().named("home-1").on("home").running();
        Experiment everywhere = anExperiment().named("all-1").running();

        assertConflict(() -> anExperiment().named("home-2").on("home").draft().start(START, List.of(home)), "surface");
        assertConflict(() -> anExperiment().named("any").draft().start(START, List.of(home)), "surface");
        assertConflict(() -> anExperiment().named("search").on("search").draft().start(START, List.of(everywhere)),
                "surface");
        assertThat(anExperiment().named("search").on("search").draft().start(START, List.of(home)).status())
                .isEqualTo(ExperimentStatus.RUNNING);
        Experiment stoppedHome = home.stop(START.plusSeconds(60));
        assertThat(anExperiment().named("home-2").on("home").draft().start(START, List.of(stoppedHome)).status())
                .isEqualTo(ExperimentStatus.RUNNING);
    }

    @Test
    void servingFindsTheOneExperimentOfARequestsSurface() {
        Experiment home = anExperiment().named("home-1").on("home").running();
        Experiment search = anExperiment().named("search-1").on("search").running();
        RunningExperiments running = new RunningExperiments(List.of(home, search));

        assertThat(running.forRequest(Optional.of("home"))).contains(home);
        assertThat(running.forRequest(Optional.of("cart"))).isEmpty();
        assertThat(running.forRequest(Optional.empty())).isEmpty();
        assertThat(new RunningExperiments(List.of(anExperiment().running())).forRequest(Optional.empty()))
                .isPresent();
        assertThatThrownBy(() -> new RunningExperiments(List.of(home, anExperiment().named("x").on("home").running())))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new RunningExperiments(List.of(anExperiment().draft())))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void sharesMustSumToOneWithinTheTolerance() {
        Variant third = Variant.of("a", 1 / 3.0, VariantModel.champion());
        Variant thirdB = Variant.of("b", 1 / 3.0, VariantModel.champion());
        Variant thirdC = Variant.of("c", 1 / 3.0, VariantModel.champion());
        assertThat(anExperiment().variants(third, thirdB, thirdC).draft().variants()).hasSize(3);

        assertInvalid(() -> anExperiment().variants(Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("b", 0.4, VariantModel.champion())).draft(), "variants");
        assertInvalid(() -> anExperiment().variants(Variant.of("a", 0.6, VariantModel.champion()),
                Variant.of("b", 0.6, VariantModel.champion())).draft(), "variants");
    }

    @Test
    void variantNamesAreUniqueCanonicalAndNeverTheHoldout() {
        assertInvalid(() -> anExperiment().variants(Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("a", 0.5, VariantModel.champion())).draft(), "variants[1].name");
        assertInvalid(() -> Variant.of(" a ", 0.5, VariantModel.champion()), "variant.name");
        assertInvalid(() -> Variant.of("A", 0.5, VariantModel.champion()), "variant.name");
        assertInvalid(() -> Variant.of("holdout", 0.5, VariantModel.champion()), "variant.name");
        assertInvalid(() -> Variant.of("a/b", 0.5, VariantModel.champion()), "variant.name");
        assertInvalid(() -> Variant.of("", 0.5, VariantModel.champion()), "variant.name");
        assertInvalid(() -> new Variant("a", 0.5, null, ServingOptions.DEFAULTS), "variant.model");
        assertInvalid(() -> anExperiment().variants(Variant.of("a", 1, VariantModel.champion())).draft(), "variants");
    }

    @Test
    void sharesHoldoutAndNamesOutsideTheirRangesAreRefused() {
        for (double share : new double[] {0, -0.1, 1.01, Double.NaN}) {
            assertInvalid(() -> Variant.of("a", share, VariantModel.champion()), "variant.share");
        }
        for (double holdout : new double[] {0, 1, -0.2, Double.NaN}) {
            assertInvalid(() -> anExperiment().holdout(holdout).draft(), "holdout");
        }
        assertInvalid(() -> anExperiment().named("../etc").draft(), "name");
        assertInvalid(() -> anExperiment().named("x".repeat(65)).draft(), "name");
        assertInvalid(() -> anExperiment().salt("a b").draft(), "salt");
        assertInvalid(() -> anExperiment().on(" ").draft(), "surface");
    }

    @Test
    void aVariantServesTheChampionAPinnedVersionOrTheFallbackWithOptionalSettings() {
        Variant pinned = new Variant("b", 0.5, VariantModel.version("two-stage", "v7"),
                new ServingOptions(OptionalDouble.of(0.3), OptionalInt.of(2), OptionalInt.of(200)));

        assertThat(pinned.model()).isEqualTo(new VariantModel.Version(new ModelRef("two-stage", "v7")));
        assertThat(pinned.options().diversity()).hasValue(0.3);
        assertInvalid(() -> VariantModel.version("two stage", "v7"), "model.name");
        assertInvalid(() -> new ServingOptions(OptionalDouble.of(1.5), OptionalInt.empty(), OptionalInt.empty()),
                "options.diversity");
        assertInvalid(() -> new ServingOptions(OptionalDouble.empty(), OptionalInt.of(-1), OptionalInt.empty()),
                "options.explorationPlaces");
        assertInvalid(() -> new ServingOptions(OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.of(0)),
                "options.candidatesPerRetriever");
    }

    @Test
    void expectedSharesIncludeTheHoldout() {
        Map<String, Double> shares = anExperiment().holdout(0.1).draft().expectedShares();

        assertThat(shares).containsOnlyKeys("a", "b", Assignment.HOLDOUT);
        assertThat(shares.get("a")).isCloseTo(0.45, within(1e-12));
        assertThat(shares.get(Assignment.HOLDOUT)).isEqualTo(0.1);
    }

    @Test
    void statusWireNamesRoundTrip() {
        for (ExperimentStatus status : ExperimentStatus.values()) {
            assertThat(ExperimentStatus.fromWireName("status", status.wireName().toUpperCase())).isEqualTo(status);
        }
        assertInvalid(() -> ExperimentStatus.fromWireName("status", "paused"), "status");
    }

    private static void assertInvalid(Executable action, String field) {
        assertThatThrownBy(action::execute).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }

    private static void assertConflict(Executable action, String field) {
        assertThatThrownBy(action::execute).isInstanceOf(ExperimentConflictException.class)
                .extracting(e -> ((ExperimentConflictException) e).field()).isEqualTo(field);
    }
}
