package io.tandem.domain.experiment.attribution;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.statistics.UnitTotals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The running counters of one variant over one day, or over the whole experiment. */
final class MetricCell {

    private static final int IMPRESSIONS = 0;
    private static final int CLICKS = 1;
    private static final int PURCHASES = 2;
    private static final int VALUE = 3;

    private long requests;
    private long fallbacks;
    private long impressions;
    private long clickedImpressions;
    private long cartedImpressions;
    private long purchasedImpressions;
    private double impressionValue;
    private long requestOnlyClicks;
    private long requestOnlyCarts;
    private long requestOnlyPurchases;
    private double requestOnlyValue;
    private long requestsWithClick;
    private long listsWithClick;
    private double ndcgSum;
    private double reciprocalRankSum;
    private final Set<ItemId> servedItems = new HashSet<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final UnitTotals<UserId> users = new UnitTotals<>(4);

    void served(ServedList list) {
        requests++;
        fallbacks += list.fallback() ? 1 : 0;
        list.items().forEach(item -> servedItems.add(item.item()));
        latency.add(list.latency());
        users.touch(list.user());
    }

    /** Moves the counters from a request's {@code before} contribution to its {@code after} one. */
    void change(UserId user, Contribution before, Contribution after) {
        impressions += after.impressions() - before.impressions();
        clickedImpressions += after.clickedImpressions() - before.clickedImpressions();
        cartedImpressions += after.cartedImpressions() - before.cartedImpressions();
        purchasedImpressions += after.purchasedImpressions() - before.purchasedImpressions();
        impressionValue += after.impressionValue() - before.impressionValue();
        requestOnlyClicks += after.requestOnlyClicks() - before.requestOnlyClicks();
        requestOnlyCarts += after.requestOnlyCarts() - before.requestOnlyCarts();
        requestOnlyPurchases += after.requestOnlyPurchases() - before.requestOnlyPurchases();
        requestOnlyValue += after.requestOnlyValue() - before.requestOnlyValue();
        requestsWithClick += after.clicked() - before.clicked();
        listsWithClick += after.listsWithClick() - before.listsWithClick();
        ndcgSum += after.ndcg() - before.ndcg();
        reciprocalRankSum += after.reciprocalRank() - before.reciprocalRank();
        users.add(user, after.impressions() - before.impressions(),
                after.clickedImpressions() - before.clickedImpressions(),
                after.purchasedImpressions() - before.purchasedImpressions(),
                after.impressionValue() - before.impressionValue());
    }

    OnlineMetrics snapshot(String experiment, String variant, Optional<LocalDate> day, int cutOff) {
        EngagementCounts counts = new EngagementCounts(requests, impressions, clickedImpressions, cartedImpressions,
                purchasedImpressions, impressionValue, requestOnlyClicks, requestOnlyCarts, requestOnlyPurchases,
                requestOnlyValue, requestsWithClick);
        ListQuality quality = new ListQuality(cutOff, listsWithClick,
                listsWithClick == 0 ? 0 : ndcgSum / listsWithClick,
                listsWithClick == 0 ? 0 : reciprocalRankSum / listsWithClick, servedItems.size());
        Guardrails guardrails = new Guardrails(requests, fallbacks, latency.percentileMillis(0.99));
        return new OnlineMetrics(experiment, variant, day, users.units(), counts, quality, guardrails,
                users.ratio(CLICKS, IMPRESSIONS), users.ratio(PURCHASES, IMPRESSIONS), users.ratio(VALUE, IMPRESSIONS));
    }
}
