package io.tandem.domain.fallback;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the fallback must answer: {@code count} items, only from {@code category} when given, none of
 * {@code unwanted} (seen, hidden or excluded), with the user's categories by share of history (best first; empty
 * when the user's state could not be read).
 */
public record FallbackQuery(int count, Optional<String> category, Set<ItemId> unwanted, List<String> userCategories) {

    public FallbackQuery {
        if (count < 1) {
            throw new InvalidFieldException("count", "must be 1 or more");
        }
        Objects.requireNonNull(category, "category");
        unwanted = Set.copyOf(Objects.requireNonNull(unwanted, "unwanted"));
        userCategories = List.copyOf(Objects.requireNonNull(userCategories, "userCategories"));
    }
}
