package io.tandem.application.serving.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The caller's {@code items}, to be ordered for {@code user} by the ranker; {@code explain} as for recommendations,
 * {@code context} the caller's request id and surface.
 */
public record RankItemsQuery(UserId user, List<ItemId> items, boolean explain, RequestContext context) {

    public static final int MAX_ITEMS = 1_000;

    public RankItemsQuery {
        Objects.requireNonNull(user, "user");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidFieldException("itemIds", "must hold between 1 and " + MAX_ITEMS + " items");
        }
        if (new HashSet<>(items).size() != items.size()) {
            throw new InvalidFieldException("itemIds", "lists an item twice");
        }
        Objects.requireNonNull(context, "context");
    }

    /** Outside any caller's request id or surface. */
    public RankItemsQuery(UserId user, List<ItemId> items, boolean explain) {
        this(user, items, explain, RequestContext.NONE);
    }
}
