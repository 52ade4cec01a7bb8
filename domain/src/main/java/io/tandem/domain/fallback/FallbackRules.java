package io.tandem.domain.fallback;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The rule-based fallback's configuration: the tiers in the order they are tried, the pinned items (shown first
 * by the {@link FallbackTier#PINNED} tier, in this order), and how many of the user's top categories the
 * category tier draws from.
 */
public record FallbackRules(List<FallbackTier> tiers, List<ItemId> pinned, int topCategories) {

    public FallbackRules {
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        pinned = List.copyOf(Objects.requireNonNull(pinned, "pinned"));
        if (tiers.isEmpty()) {
            throw new InvalidFieldException("tandem.fallback.tiers", "needs at least one tier");
        }
        if (new HashSet<>(tiers).size() != tiers.size()) {
            throw new InvalidFieldException("tandem.fallback.tiers", "lists a tier twice: " + tiers);
        }
        if (topCategories < 1) {
            throw new InvalidFieldException("tandem.fallback.top-categories", "must be 1 or more");
        }
    }

    /** Pinned items, then popular in the user's top 3 categories, trending, newest. */
    public static FallbackRules defaults() {
        return new FallbackRules(List.of(FallbackTier.values()), List.of(), 3);
    }
}
