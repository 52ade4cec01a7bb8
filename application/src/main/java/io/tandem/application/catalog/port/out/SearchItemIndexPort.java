package io.tandem.application.catalog.port.out;

import io.tandem.domain.retrieval.NearestItemsQuery;
import io.tandem.domain.retrieval.ScoredItem;

import java.util.List;

/**
 * Finds the items of a built index closest to a query vector, without the excluded ones, in one call; safe to
 * call from many request threads at once.
 */
@FunctionalInterface
public interface SearchItemIndexPort {

    /**
     * @return up to {@code query.count()} items, closest first, each scored by the index's similarity (the dot
     *         product or the cosine); fewer only when the index holds fewer items that are not excluded. The search
     *         is approximate: an item may be missing that an exhaustive scan would have ranked
     * @throws io.tandem.domain.InvalidFieldException naming {@code index} when the index is unknown or was dropped
     */
    List<ScoredItem> search(NearestItemsQuery query);
}
