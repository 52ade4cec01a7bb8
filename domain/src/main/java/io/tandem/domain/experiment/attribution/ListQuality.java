package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;

/**
 * How well served lists ranked what users went on to click, with the offline metrics' definitions
 * ({@link io.tandem.domain.evaluation.Ndcg}, {@link io.tandem.domain.evaluation.ReciprocalRank}): each list is
 * judged against its own clicked items, and the means are over the lists with at least one click on a served
 * item (a list without clicks has no ideal ordering to compare with; the click-through rate covers those).
 *
 * @param distinctItems how many different items the variant served, for catalogue coverage
 */
public record ListQuality(int cutOff, long listsWithClick, double meanNdcg, double meanReciprocalRank,
                          long distinctItems) {

    public ListQuality {
        if (listsWithClick < 0 || distinctItems < 0) {
            throw new InvalidFieldException("counts", "must not be negative");
        }
    }

    /** The share of a catalogue of {@code catalogSize} items that was served at least once. */
    public double coverage(int catalogSize) {
        if (catalogSize < 1) {
            throw new InvalidFieldException("catalogSize", "must be 1 or more");
        }
        return Math.min(1, distinctItems / (double) catalogSize);
    }
}
