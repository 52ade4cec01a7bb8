package io.tandem.domain.experiment.attribution;

/**
 * What one request adds to its variant's counters at a moment. A follow-up event replaces the request's
 * contribution by a new one, and the counters move by the difference; that is what lets a late impression turn
 * an earlier request-only click into a click at its position, and makes the result independent of event order.
 *
 * @param scoreForB in an interleaved list, +1 when team B's items drew more clicks, -1 when team A's did, else 0
 */
record Contribution(int impressions, int clickedImpressions, int cartedImpressions, int purchasedImpressions,
                    double impressionValue, int requestOnlyClicks, int requestOnlyCarts, int requestOnlyPurchases,
                    double requestOnlyValue, int clicked, int listsWithClick, double ndcg, double reciprocalRank,
                    int scoreForB) {

    static final Contribution NONE = new Contribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
