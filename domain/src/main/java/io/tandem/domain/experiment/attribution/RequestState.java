package io.tandem.domain.experiment.attribution;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.evaluation.Ndcg;
import io.tandem.domain.evaluation.ReciprocalRank;
import io.tandem.domain.evaluation.RelevantItems;
import io.tandem.domain.experiment.interleaving.InterleavedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The follow-ups seen so far for one served list, and the contribution they make. */
final class RequestState {

    private final ServedList list;
    private final MetricCell dayCell;
    private final MetricCell totalCell;
    private final Map<ItemId, Integer> indexOf = new HashMap<>();
    private final boolean[] impressed;
    private final boolean[] clicked;
    private final boolean[] carted;
    private final boolean[] purchased;
    private final double[] purchaseValue;
    private final Set<ItemId> unservedClicks = new HashSet<>();
    private final Set<ItemId> unservedCarts = new HashSet<>();
    private final Set<ItemId> unservedPurchases = new HashSet<>();
    private double unservedValue;
    private final Set<EventId> seen = new HashSet<>();
    private final int[] ranking;
    /** The list with its teams, when it is interleaved; null otherwise. */
    private final InterleavedList interleaved;
    private Contribution current = Contribution.NONE;

    RequestState(ServedList list, MetricCell dayCell, MetricCell totalCell) {
        this.list = list;
        this.dayCell = dayCell;
        this.totalCell = totalCell;
        int size = list.items().size();
        for (int i = 0; i < size; i++) {
            indexOf.put(list.items().get(i).item(), i);
        }
        impressed = new boolean[size];
        clicked = new boolean[size];
        carted = new boolean[size];
        purchased = new boolean[size];
        purchaseValue = new double[size];
        ranking = IntStream.range(0, size).toArray();
        interleaved = list.interleaved() ? new InterleavedList(
                list.items().stream().map(ServedItem::item).toList(),
                list.items().stream().map(item -> item.team().orElseThrow()).toList()) : null;
    }

    ServedList list() {
        return list;
    }

    /** The counters of the list's variant on the day it was served, then over the whole experiment. */
    List<MetricCell> cells() {
        return List.of(dayCell, totalCell);
    }

    /** What this request adds to its variant's counters now. */
    Contribution contribution() {
        return current;
    }

    /**
     * Notes {@code event} (a follow-up quoting this request, within its window) and brings the contribution up
     * to date.
     */
    AttributionOutcome apply(Event event, Ndcg ndcg, ReciprocalRank reciprocalRank) {
        AttributionOutcome outcome = note(event);
        if (outcome != AttributionOutcome.DUPLICATE && outcome != AttributionOutcome.UNSERVED_IMPRESSION) {
            current = measure(ndcg, reciprocalRank);
        }
        return outcome;
    }

    private AttributionOutcome note(Event event) {
        if (!seen.add(event.id())) {
            return AttributionOutcome.DUPLICATE;
        }
        Integer index = indexOf.get(event.item());
        double value = event.value().orElse(0);
        switch (event.type()) {
            case IMPRESSION -> {
                if (index == null) {
                    return AttributionOutcome.UNSERVED_IMPRESSION;
                }
                impressed[index] = true;
                return AttributionOutcome.POSITION;
            }
            case CLICK -> mark(index, clicked, unservedClicks, event.item());
            case ADD_TO_CART -> mark(index, carted, unservedCarts, event.item());
            case PURCHASE -> {
                mark(index, purchased, unservedPurchases, event.item());
                if (index == null) {
                    unservedValue += value;
                } else {
                    purchaseValue[index] += value;
                }
            }
            default -> throw new IllegalArgumentException("not a follow-up: " + event.type());
        }
        return index != null && impressed[index] ? AttributionOutcome.POSITION : AttributionOutcome.REQUEST;
    }

    private static void mark(Integer index, boolean[] flags, Set<ItemId> unserved, ItemId item) {
        if (index == null) {
            unserved.add(item);
        } else {
            flags[index] = true;
        }
    }

    private Contribution measure(Ndcg ndcg, ReciprocalRank reciprocalRank) {
        int impressions = 0;
        int clickedImpressions = 0;
        int cartedImpressions = 0;
        int purchasedImpressions = 0;
        double impressionValue = 0;
        int requestOnlyClicks = unservedClicks.size();
        int requestOnlyCarts = unservedCarts.size();
        int requestOnlyPurchases = unservedPurchases.size();
        double requestOnlyValue = unservedValue;
        int servedClicks = 0;
        for (int i = 0; i < impressed.length; i++) {
            servedClicks += clicked[i] ? 1 : 0;
            if (impressed[i]) {
                impressions++;
                clickedImpressions += clicked[i] ? 1 : 0;
                cartedImpressions += carted[i] ? 1 : 0;
                purchasedImpressions += purchased[i] ? 1 : 0;
                impressionValue += purchaseValue[i];
            } else {
                requestOnlyClicks += clicked[i] ? 1 : 0;
                requestOnlyCarts += carted[i] ? 1 : 0;
                requestOnlyPurchases += purchased[i] ? 1 : 0;
                requestOnlyValue += purchaseValue[i];
            }
        }
        int anyClick = servedClicks + unservedClicks.size() > 0 ? 1 : 0;
        if (servedClicks == 0) {
            return new Contribution(impressions, clickedImpressions, cartedImpressions, purchasedImpressions,
                    impressionValue, requestOnlyClicks, requestOnlyCarts, requestOnlyPurchases, requestOnlyValue,
                    anyClick, 0, 0, 0, 0);
        }
        RelevantItems relevant = RelevantItems.of(IntStream.range(0, clicked.length).filter(i -> clicked[i]).toArray());
        return new Contribution(impressions, clickedImpressions, cartedImpressions, purchasedImpressions,
                impressionValue, requestOnlyClicks, requestOnlyCarts, requestOnlyPurchases, requestOnlyValue,
                anyClick, 1, ndcg.of(ranking, relevant), reciprocalRank.of(ranking, relevant), scoreForB());
    }

    /**
     * The team-draft credit (Radlinski et al. 2008): each clicked item of the list counts for the team that drafted
     * it, with or without a reported impression (a click on a listed item shows it was seen), and the team with more
     * clicked items wins the request. 0 outside interleaved lists.
     */
    private int scoreForB() {
        if (!list.interleaved()) {
            return 0;
        }
        List<ItemId> clickedItems = new ArrayList<>();
        for (int i = 0; i < clicked.length; i++) {
            if (clicked[i]) {
                clickedItems.add(list.items().get(i).item());
            }
        }
        return interleaved.credit(clickedItems).scoreForB();
    }
}
