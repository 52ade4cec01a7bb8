package io.tandem.application.serving.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code count} items most like {@code item}; {@code user}, when the caller names who will see them, places
 * the request in the experiment of its {@code context}'s surface (an anonymous request is in none).
 */
public record SimilarItemsQuery(ItemId item, int count, Optional<UserId> user, RequestContext context) {

    public static final int MAX_COUNT = 1_000;

    public SimilarItemsQuery {
        Objects.requireNonNull(item, "item");
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidFieldException("count", "must be between 1 and " + MAX_COUNT);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(context, "context");
    }

    /** For nobody in particular, outside any caller's request id or surface. */
    public SimilarItemsQuery(ItemId item, int count) {
        this(item, count, Optional.empty(), RequestContext.NONE);
    }
}
