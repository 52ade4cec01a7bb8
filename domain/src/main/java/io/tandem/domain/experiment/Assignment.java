package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.interleaving.Team;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one unit lands in one experiment: a variant, or the holdout group when the experiment keeps one, or, in an
 * interleaving experiment, both variants at once. The same unit and experiment always give the same assignment (see
 * {@link AssignmentHash}).
 *
 * @param point the unit's point in [0, 1), from which the group follows
 * @param teams the two variants an interleaved list is drafted from (team A first); empty outside interleaving
 */
public record Assignment(String experiment, Optional<Variant> variant, double point, List<Variant> teams) {

    /** The group name of units held out of every variant; no variant may take it. */
    public static final String HOLDOUT = "holdout";

    public Assignment {
        experiment = ExperimentNames.canonical("experiment", experiment);
        Objects.requireNonNull(variant, "variant");
        teams = List.copyOf(Objects.requireNonNull(teams, "teams"));
        if (!teams.isEmpty() && (teams.size() != 2 || variant.isPresent())) {
            throw new InvalidFieldException("teams", "an interleaved assignment has two teams and no single variant");
        }
    }

    /** An assignment to one variant, or to the holdout when {@code variant} is empty. */
    public Assignment(String experiment, Optional<Variant> variant, double point) {
        this(experiment, variant, point, List.of());
    }

    /** Both variants of an interleaving experiment, the first as team A. */
    public static Assignment interleaved(String experiment, List<Variant> teams, double point) {
        return new Assignment(experiment, Optional.empty(), point, teams);
    }

    public boolean inHoldout() {
        return variant.isEmpty() && teams.isEmpty();
    }

    /** True when the unit sees a list drafted from both variants. */
    public boolean interleaved() {
        return !teams.isEmpty();
    }

    /** The variant of {@code team} as a one-variant assignment: what that side of an interleaved list serves. */
    public Assignment side(Team team) {
        if (!interleaved()) {
            throw new IllegalStateException("only an interleaved assignment has sides");
        }
        return new Assignment(experiment, Optional.of(teams.get(team == Team.A ? 0 : 1)), point);
    }

    /** The variant's name, {@value #HOLDOUT}, or {@code interleaved}: the label served lists and metrics carry. */
    public String group() {
        if (interleaved()) {
            return ExperimentDesign.INTERLEAVED;
        }
        return variant.map(Variant::name).orElse(HOLDOUT);
    }
}
