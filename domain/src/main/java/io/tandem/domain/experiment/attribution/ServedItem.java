package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.experiment.interleaving.Team;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of a served list: where it was placed and the probability that the serving policy would place it
 * there (1 for a deterministic ranking), which off-policy evaluation needs later.
 *
 * @param position   the 1-based place in the list
 * @param propensity the probability of this item at this place, in (0, 1]
 * @param team       in an interleaved list, the team (variant) that drafted the item; empty otherwise
 */
public record ServedItem(ItemId item, int position, double propensity, Optional<Team> team) {

    public ServedItem {
        Objects.requireNonNull(item, "item");
        if (position < 1) {
            throw new InvalidFieldException("items.position", "must be 1 or more");
        }
        if (!(propensity > 0 && propensity <= 1)) {
            throw new InvalidFieldException("items.propensity", "must be above 0 and at most 1, got " + propensity);
        }
        Objects.requireNonNull(team, "team");
    }

    /** An item of a list served by one variant. */
    public ServedItem(ItemId item, int position, double propensity) {
        this(item, position, propensity, Optional.empty());
    }

    /** An item placed by a deterministic draft, credited to {@code team} when clicked. */
    public static ServedItem drafted(ItemId item, int position, Team team) {
        return new ServedItem(item, position, 1.0, Optional.of(team));
    }

    /** An item placed by a deterministic ranking. */
    public static ServedItem ranked(ItemId item, int position) {
        return new ServedItem(item, position, 1.0);
    }
}
