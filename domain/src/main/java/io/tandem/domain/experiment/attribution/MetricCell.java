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
    private static final int INTERLEAVED_REQUESTS = 0;
    private static final int SCORE_FOR_B = 1;

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
    private long winsA;
    private long winsB;
    private long ties;
    private final UnitTotals<UserId> preference = new UnitTotals<>(2);

    void served(ServedList list) {
        requests++;
        fallbacks += list.fallback() ? 1 : 0;
        list.items().forEach(item -> servedItems.add(item.item()));
        latency.add(list.latency());
        users.touch(list.user());
        if (list.interleaved()) {
            // Undecided until a click credits a team.
            ties++;
            preference.add(list.user(), 1, 0);
        }
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
        if (after.scoreForB() != before.scoreForB()) {
            count(before.scoreForB(), -1);
            count(after.scoreForB(), 1);
            preference.add(user, 0, after.scoreForB() - before.scoreForB());
        }
    }

    private void count(int scoreForB, int delta) {
        if (scoreForB < 0) {
            winsA += delta;
        } else if (scoreForB > 0) {
            winsB += delta;
        } else {
            ties += delta;
        }
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
                users.ratio(CLICKS, IMPRESSIONS), users.ratio(PURCHASES, IMPRESSIONS), users.ratio(VALUE, IMPRESSIONS),
                new InterleavingCounts(winsA, winsB, ties, preference.ratio(SCORE_FOR_B, INTERLEAVED_REQUESTS)));
    }
}
