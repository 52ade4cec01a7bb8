package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.interleaving.Team;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The interleaving design (ADR-0024, "Interleaving"): exactly two variants at half each, no holdout, no automatic
 * promotion, every user assigned to both variants, and the design kept through the life cycle.
 */
class InterleavingDesignTest {

    private static final Variant A = Variant.of("a", 0.5, VariantModel.champion());
    private static final Variant B = Variant.of("b", 0.5, VariantModel.version("two-stage", "v2"));

    private static Experiment draft(List<Variant> variants, OptionalDouble holdout, boolean autoPromote) {
        return Experiment.draft("il-1", Optional.empty(), Optional.empty(), variants, holdout, autoPromote,
                ExperimentDesign.INTERLEAVING);
    }

    private static void refused(Runnable create, String field) {
        assertThatThrownBy(create::run).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }

    @Test
    void everyUserIsAssignedToBothVariantsUnderOneGroupThroughTheLifeCycle() {
        Experiment experiment = draft(List.of(A, B), OptionalDouble.empty(), false)
                .start(Instant.parse("2026-12-07T09:00:00Z"), List.of());

        assertThat(experiment.design()).isEqualTo(ExperimentDesign.INTERLEAVING);
        assertThat(experiment.stop(Instant.parse("2026-12-07T10:00:00Z")).interleaving()).isTrue();
        for (String user : List.of("u1", "u2", "u3")) {
            Assignment assignment = experiment.assign(UserId.of(user));
            assertThat(assignment.interleaved()).isTrue();
            assertThat(assignment.inHoldout()).isFalse();
            assertThat(assignment.group()).isEqualTo(ExperimentDesign.INTERLEAVED);
            assertThat(assignment.side(Team.A).variant()).contains(A);
            assertThat(assignment.side(Team.B).variant()).contains(B);
        }
        assertThat(experiment.expectedShares()).isEqualTo(Map.of(ExperimentDesign.INTERLEAVED, 1.0));
        assertThat(Experiment.draft("ab-1", Optional.empty(), Optional.empty(), List.of(A, B),
                OptionalDouble.empty()).design()).isEqualTo(ExperimentDesign.AB);
    }

    @Test
    void anythingButTwoVariantsAtHalfWithoutHoldoutOrAutomaticPromotionIsRefusedNamingTheField() {
        Variant c = Variant.of("c", 0.5, VariantModel.ruleBasedFallback());
        refused(() -> draft(List.of(A, B, c), OptionalDouble.empty(), false), "variants");
        refused(() -> draft(List.of(A), OptionalDouble.empty(), false), "variants");
        refused(() -> draft(List.of(Variant.of("a", 0.7, VariantModel.champion()),
                Variant.of("b", 0.3, VariantModel.champion())), OptionalDouble.empty(), false), "variants[0].share");
        refused(() -> draft(List.of(A, Variant.of("interleaved", 0.5, VariantModel.champion())),
                OptionalDouble.empty(), false), "variants[1].name");
        refused(() -> draft(List.of(A, B), OptionalDouble.of(0.1), false), "holdout");
        refused(() -> draft(List.of(A, B), OptionalDouble.empty(), true), "autoPromote");
        assertThat(ExperimentDesign.fromWireName("design", "interleaving")).isEqualTo(ExperimentDesign.INTERLEAVING);
        refused(() -> ExperimentDesign.fromWireName("design", "Interleaving"), "design");
    }
}
