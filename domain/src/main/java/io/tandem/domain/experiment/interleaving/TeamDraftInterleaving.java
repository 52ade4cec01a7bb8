package io.tandem.domain.experiment.interleaving;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Team-draft interleaving: like captains picking teams, the team with fewer picks so far (a coin decides a tie)
 * adds its highest-ranked item not yet in the list. Each pair of places thus holds one pick of each team in a
 * random order, which keeps position bias from favouring either ranking.
 */
public final class TeamDraftInterleaving {

    private TeamDraftInterleaving() {
    }

    /**
     * Merges rankings {@code a} and {@code b} (best first, each without repeats) into a list of at most
     * {@code length} items; when one ranking runs out, the other fills the remaining places.
     */
    public static InterleavedList interleave(List<ItemId> a, List<ItemId> b, int length, RandomGenerator random) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(random, "random");
        if (length < 1) {
            throw new InvalidFieldException("length", "must be 1 or more");
        }
        List<ItemId> items = new ArrayList<>(length);
        List<Team> teams = new ArrayList<>(length);
        Set<ItemId> taken = new HashSet<>();
        int picksA = 0;
        int picksB = 0;
        int nextA = 0;
        int nextB = 0;
        while (items.size() < length) {
            nextA = firstFree(a, nextA, taken);
            nextB = firstFree(b, nextB, taken);
            boolean aLeft = nextA < a.size();
            boolean bLeft = nextB < b.size();
            if (!aLeft && !bLeft) {
                break;
            }
            boolean aPicks = picksA < picksB || (picksA == picksB && random.nextBoolean());
            if ((aPicks && aLeft) || !bLeft) {
                items.add(a.get(nextA));
                teams.add(Team.A);
                taken.add(a.get(nextA));
                picksA++;
            } else {
                items.add(b.get(nextB));
                teams.add(Team.B);
                taken.add(b.get(nextB));
                picksB++;
            }
        }
        return new InterleavedList(items, teams);
    }

    private static int firstFree(List<ItemId> ranking, int from, Set<ItemId> taken) {
        int index = from;
        while (index < ranking.size() && taken.contains(ranking.get(index))) {
            index++;
        }
        return index;
    }
}
