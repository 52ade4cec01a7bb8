package io.tandem.application.serving.port.in;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Top {@code count} items for {@code user}, optionally only from {@code category}, never any of
 * {@code exclude}; with {@code explain} each item carries its score breakdown, and {@code diversity} in [0, 1]
 * trades score for variety of categories (maximal marginal relevance; 0 keeps the ranker's order); {@code context}
 * carries the caller's request id and surface.
 */
public record RecommendItemsQuery(UserId user, int count, Optional<String> category, Set<ItemId> exclude,
                                  boolean explain, double diversity, RequestContext context) {

    public static final int MAX_COUNT = 1_000;
    public static final int MAX_EXCLUDED = 1_000;

    public RecommendItemsQuery {
        Objects.requireNonNull(user, "user");
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidFieldException("count", "must be between 1 and " + MAX_COUNT);
        }
        Objects.requireNonNull(category, "category").ifPresent(c -> CanonicalText.requireId("category", c));
        exclude = Set.copyOf(Objects.requireNonNull(exclude, "exclude"));
        if (exclude.size() > MAX_EXCLUDED) {
            throw new InvalidFieldException("exclude", "holds at most " + MAX_EXCLUDED + " items");
        }
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new InvalidFieldException("diversity", "must be between 0 and 1");
        }
        Objects.requireNonNull(context, "context");
    }

    /** Outside any caller's request id or surface. */
    public RecommendItemsQuery(UserId user, int count, Optional<String> category, Set<ItemId> exclude,
                               boolean explain, double diversity) {
        this(user, count, category, exclude, explain, diversity, RequestContext.NONE);
    }

    /** Without explanation and without diversity re-ranking. */
    public RecommendItemsQuery(UserId user, int count, Optional<String> category, Set<ItemId> exclude) {
        this(user, count, category, exclude, false, 0.0, RequestContext.NONE);
    }
}
