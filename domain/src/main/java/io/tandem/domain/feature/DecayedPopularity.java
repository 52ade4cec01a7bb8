package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Time-decayed item popularity in {@link OnlineFeatures}, overall and per category: values are stored against one
 * epoch of {@link PopularityDecay} and kept sorted, so "top N" costs O(N), not a scan; a far newer event moves every
 * value to a newer epoch.
 */
final class DecayedPopularity {

    private final Duration halfLife;
    private final Scope overall = new Scope();
    private final Map<String, Scope> byCategory = new HashMap<>();
    /** Null until the first positive event fixes the epoch. */
    private PopularityDecay decay;

    DecayedPopularity(Duration halfLife) {
        this.halfLife = halfLife;
    }

    /** Adds the update's weight to its item, overall and in each of its categories. */
    void add(FeatureUpdate update) {
        if (decay == null) {
            decay = new PopularityDecay(halfLife, update.time());
        } else if (decay.needsRebase(update.time())) {
            double factor = decay.rebaseFactor(update.time());
            decay = decay.rebasedTo(update.time());
            overall.rescale(factor);
            byCategory.values().forEach(p -> p.rescale(factor));
        }
        double increment = decay.increment(update.popularityWeight(), update.time());
        overall.add(update.item(), increment);
        for (String category : update.categories()) {
            byCategory.computeIfAbsent(category, c -> new Scope()).add(update.item(), increment);
        }
    }

    /** The most popular items at {@code at}, overall or in one category, most popular first (ties by item id). */
    List<ItemPopularity> top(Optional<String> category, int limit, Instant at) {
        Scope scope = category.isPresent() ? byCategory.get(category.get()) : overall;
        return scope == null || decay == null ? List.of() : scope.top(limit, decay, at);
    }

    /** One item's decayed popularity at {@code at}, overall or counted in one category; zero when it has none. */
    double of(ItemId item, Optional<String> category, Instant at) {
        Scope scope = category.isPresent() ? byCategory.get(category.get()) : overall;
        return scope == null || decay == null ? 0.0 : decay.decayedAt(scope.stored(item), at);
    }

    /** Stored popularity values of one scope (overall or a category), kept sorted for cheap top-N. */
    private static final class Scope {

        private static final Comparator<Stored> MOST_POPULAR_FIRST = Comparator
                .comparingDouble(Stored::value).reversed()
                .thenComparing(Stored::item);

        private final Map<ItemId, Double> stored = new HashMap<>();
        private final TreeSet<Stored> order = new TreeSet<>(MOST_POPULAR_FIRST);

        void add(ItemId item, double increment) {
            Double previous = stored.get(item);
            if (previous != null) {
                order.remove(new Stored(item, previous));
            }
            double next = (previous == null ? 0.0 : previous) + increment;
            stored.put(item, next);
            order.add(new Stored(item, next));
        }

        double stored(ItemId item) {
            return stored.getOrDefault(item, 0.0);
        }

        List<ItemPopularity> top(int limit, PopularityDecay decay, Instant at) {
            List<ItemPopularity> top = new ArrayList<>(Math.min(limit, order.size()));
            Iterator<Stored> iterator = order.iterator();
            while (top.size() < limit && iterator.hasNext()) {
                Stored item = iterator.next();
                top.add(new ItemPopularity(item.item(), decay.decayedAt(item.value(), at)));
            }
            return top;
        }

        /** Moves to a newer epoch; rare (once per ~900 half-lives). */
        void rescale(double factor) {
            order.clear();
            stored.replaceAll((item, value) -> value * factor);
            stored.forEach((item, value) -> order.add(new Stored(item, value)));
        }
    }

    /** An item's stored (not yet decayed) popularity value. */
    private record Stored(ItemId item, double value) {

        Stored {
            Objects.requireNonNull(item, "item");
        }
    }
}
