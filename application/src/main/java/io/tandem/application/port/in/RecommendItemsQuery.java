package io.tandem.application.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Top {@code count} items for {@code user}, optionally only from {@code category}, never any of
 * {@code exclude}.
 */
public record RecommendItemsQuery(UserId user, int count, Optional<String> category, Set<ItemId> exclude) {

    public static final int MAX_COUNT = 1_000;
    public static final int MAX_EXCLUDED = 1_000;

    public RecommendItemsQuery {
        Objects.requireNonNull(user, "user");
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidFieldException("count", "must be between 1 and " + MAX_COUNT);
        }
        category = Objects.requireNonNull(category, "category").map(String::strip).filter(c -> !c.isEmpty());
        exclude = Set.copyOf(Objects.requireNonNull(exclude, "exclude"));
        if (exclude.size() > MAX_EXCLUDED) {
            throw new InvalidFieldException("exclude", "holds at most " + MAX_EXCLUDED + " items");
        }
    }
}
