package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;

/**
 * The counts behind a variant's engagement metrics. Impressions are the denominator: an action counts "at a
 * position" when its item was impressed in the request, else it counts for the request only. Each item counts
 * at most once per request and action (two clicks on one impression are one clicked impression); purchase value
 * adds up over every purchase.
 *
 * @param requestsWithClick requests with at least one click, wherever it was attributed
 */
public record EngagementCounts(long requests, long impressions, long clickedImpressions, long cartedImpressions,
                               long purchasedImpressions, double impressionValue, long requestOnlyClicks,
                               long requestOnlyCarts, long requestOnlyPurchases, double requestOnlyValue,
                               long requestsWithClick) {

    public EngagementCounts {
        long[] counts = {requests, impressions, clickedImpressions, cartedImpressions, purchasedImpressions,
            requestOnlyClicks, requestOnlyCarts, requestOnlyPurchases, requestsWithClick};
        for (long count : counts) {
            if (count < 0) {
                throw new InvalidFieldException("counts", "must not be negative");
            }
        }
        if (clickedImpressions > impressions || purchasedImpressions > impressions || cartedImpressions > impressions) {
            throw new InvalidFieldException("counts", "actions at a position cannot outnumber impressions");
        }
    }

    /** Clicked impressions per impression; 0 without impressions. */
    public double clickThroughRate() {
        return perImpression(clickedImpressions);
    }

    /** Purchased impressions per impression; 0 without impressions. */
    public double conversionRate() {
        return perImpression(purchasedImpressions);
    }

    /** Added-to-cart impressions per impression; 0 without impressions. */
    public double cartRate() {
        return perImpression(cartedImpressions);
    }

    /** Purchase value attributed to impressions, per impression; 0 without impressions. */
    public double valuePerImpression() {
        return impressions == 0 ? 0 : impressionValue / impressions;
    }

    private double perImpression(long count) {
        return impressions == 0 ? 0 : count / (double) impressions;
    }
}
