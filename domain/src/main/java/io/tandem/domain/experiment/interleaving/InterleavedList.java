package io.tandem.domain.experiment.interleaving;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One interleaved list as served: the items in order and, beside each, the team that drafted it. Serving
 * records it with the request so that the winner can be decided when the clicks come.
 */
public record InterleavedList(List<ItemId> items, List<Team> teams) {

    public InterleavedList {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        teams = List.copyOf(Objects.requireNonNull(teams, "teams"));
        if (items.size() != teams.size()) {
            throw new InvalidFieldException("teams", "one team per item is needed");
        }
        if (new HashSet<>(items).size() != items.size()) {
            throw new InvalidFieldException("items", "an interleaved list holds each item once");
        }
    }

    /** The winner given the items clicked in this request; clicks on items not in the list are ignored. */
    public InterleavingOutcome credit(Collection<ItemId> clicked) {
        Set<ItemId> clickedItems = Set.copyOf(clicked);
        int a = 0;
        int b = 0;
        for (int i = 0; i < items.size(); i++) {
            if (clickedItems.contains(items.get(i))) {
                if (teams.get(i) == Team.A) {
                    a++;
                } else {
                    b++;
                }
            }
        }
        if (a == b) {
            return InterleavingOutcome.TIE;
        }
        return a > b ? InterleavingOutcome.A_WINS : InterleavingOutcome.B_WINS;
    }
}
