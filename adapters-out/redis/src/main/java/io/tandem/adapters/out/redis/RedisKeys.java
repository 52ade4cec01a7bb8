package io.tandem.adapters.out.redis;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;

/**
 * The key layout, all under one prefix ({@code P}):
 * <pre>
 * P applied:{eventId}              STRING  "1" with TTL: the event's feature updates were applied
 * P claim:{eventId}                STRING  "1" with TTL: the event id was accepted at ingestion
 * P recent:{userId}                LIST    item ids, newest first, each once, at most the cap
 * P seen:{userId}                  SET     every item id the user acted on (impressions aside), uncapped: the
 *                                          seen filter's memory
 * P positives:cells:{userId}       HASH    item id -&gt; "{float sum of positive labels} {epoch second} {nanos}"
 *                                          of the item's latest positive event; at most the cap
 * P positives:recency:{userId}     ZSET    "{nanos, nine digits}{item id}" scored by the epoch second of the
 *                                          item's latest positive event: the same items as the cells
 * P counts:user:{userId}           HASH    event type wire name -&gt; count
 * P counts:item:{itemId}           HASH    event type wire name -&gt; count
 * P popularity                     ZSET    item id -&gt; stored popularity (see PopularityDecay)
 * P popularity:category:{category} ZSET    item id -&gt; stored popularity within the category
 * P popularity:epoch               STRING  the shared decay epoch, an ISO-8601 instant
 * P popularity:sets                SET     names of the category ZSETs, so a rebase finds them all
 * </pre>
 * The per-user keys share one shape ({@code P <kind>:<userId>}) and carry no hash tag today, since the scripts
 * write user, item and popularity keys together and so need one Redis, not Redis Cluster (see
 * {@link RedisOnlineFeaturesAdapter}). A move to Cluster tags all of a user's keys alike ({@code P <kind>:{<userId>}}),
 * the seen set with them, so the user-state read stays one script on one slot.
 */
final class RedisKeys {

    private final String prefix;
    private final String popularity;
    private final String popularityEpoch;
    private final String popularitySets;

    RedisKeys(String prefix) {
        this.prefix = prefix;
        this.popularity = prefix + "popularity";
        this.popularityEpoch = prefix + "popularity:epoch";
        this.popularitySets = prefix + "popularity:sets";
    }

    String applied(EventId event) {
        return prefix + "applied:" + event.value();
    }

    String claim(EventId event) {
        return prefix + "claim:" + event.value();
    }

    String recentItems(UserId user) {
        return prefix + "recent:" + user.value();
    }

    String seenItems(UserId user) {
        return prefix + "seen:" + user.value();
    }

    String positiveCells(UserId user) {
        return prefix + "positives:cells:" + user.value();
    }

    String positivesByRecency(UserId user) {
        return prefix + "positives:recency:" + user.value();
    }

    String userCounts(UserId user) {
        return prefix + "counts:user:" + user.value();
    }

    String itemCounts(ItemId item) {
        return prefix + "counts:item:" + item.value();
    }

    String popularity() {
        return popularity;
    }

    String categoryPopularity(String category) {
        return prefix + "popularity:category:" + category;
    }

    String popularityEpoch() {
        return popularityEpoch;
    }

    String popularitySets() {
        return popularitySets;
    }
}
