package io.tandem.application.feature.port.out;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.EventCounts;

import java.util.Collection;
import java.util.Map;

/** Reads event counters from the online store: per user, and per item in one batch. */
public interface LoadEventCountsPort {

    EventCounts userCounts(UserId user);

    /** Counts for each requested item; items never seen map to {@link EventCounts#NONE}. */
    Map<ItemId, EventCounts> itemCounts(Collection<ItemId> items);
}
