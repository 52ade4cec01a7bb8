package io.tandem.application.feature.port.out;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.util.List;

/** Reads the items a user acted on most recently, newest first; empty for a user never seen. */
@FunctionalInterface
public interface LoadRecentItemsPort {

    List<ItemId> recentItems(UserId user, int limit);
}
