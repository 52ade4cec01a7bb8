package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.statistics.RatioSums;

import java.util.Objects;

/**
 * The per-request outcomes of the interleaved lists of one cell: which team (variant) the clicks preferred. A
 * request counts as a tie until a click on one of its items decides it, and moves whenever a later click changes
 * the count. Every field adds up over cells of disjoint requests.
 *
 * @param winsA      requests whose clicks credited team A (the first variant) with more items than team B
 * @param winsB      requests whose clicks credited team B with more items
 * @param ties       requests without a click on a served item, or with as many for each team
 * @param preference per-user sums of interleaved requests (x) and scores (y: +1 B won, -1 A won, 0 tie), whose
 *                   ratio is B's preference in [-1, 1] with its delta-method variance over users
 */
public record InterleavingCounts(long winsA, long winsB, long ties, RatioSums preference) {

    public static final InterleavingCounts NONE = new InterleavingCounts(0, 0, 0, RatioSums.EMPTY);

    public InterleavingCounts {
        if (winsA < 0 || winsB < 0 || ties < 0) {
            throw new InvalidFieldException("interleaving", "counts must not be negative");
        }
        Objects.requireNonNull(preference, "preference");
    }

    /** Every interleaved request, decided or not. */
    public long requests() {
        return winsA + winsB + ties;
    }
}
