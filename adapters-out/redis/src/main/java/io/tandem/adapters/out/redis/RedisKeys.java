package io.tandem.adapters.out.redis;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;

/**
 * The key layout, all under one prefix ({@code P}), with Redis Cluster hash tags (ADR-0030): the part in braces
 * alone chooses a key's slot, so the keys one script touches together share it.
 * <pre>
 * One user's keys, tag {u:U} (U the user id with '%' and '}' escaped, so the tag ends where it should):
 * P recent:{u:U}                   LIST    item ids, newest first, each once, at most the cap
 * P seen:{u:U}                     SET     every item id the user acted on (impressions aside), uncapped: the
 *                                          seen filter's memory
 * P positives:cells:{u:U}          HASH    item id -&gt; "{float sum of positive labels} {epoch second} {nanos}"
 *                                          of the item's latest positive event; at most the cap
 * P positives:recency:{u:U}        ZSET    "{nanos, nine digits}{item id}" scored by the epoch second of the
 *                                          item's latest positive event: the same items as the cells
 * P counts:user:{u:U}              HASH    event type wire name -&gt; count
 *
 * The user side's applied sets (ADR-0034), tag {users} on one Redis; on a cluster {s:N}, a tag of the slot of the
 * users whose events they hold (AppliedSets):
 * P applied:{users}:H              SET     ids of the events of hour H (epoch second / 3600 of the event time)
 *                                          whose writes to their user's keys were applied
 * P applied:{users}:sets           ZSET    applied set key -&gt; epoch second of its last recorded write; a set
 *                                          is dropped once the applied-events TTL and two minutes have passed since
 *
 * The items' keys, one slot, tag {items}:
 * P counts:item:{items}:{itemId}   HASH    event type wire name -&gt; count
 * P popularity:{items}             ZSET    item id -&gt; stored popularity (see PopularityDecay)
 * P popularity:category:{items}:C  ZSET    item id -&gt; stored popularity within category C
 * P popularity:epoch:{items}       STRING  the shared decay epoch, an ISO-8601 instant
 * P popularity:sets:{items}        SET     names of the category ZSETs, so a rebase finds them all
 * P applied:{items}:H              SET     ids of the events of hour H whose writes to the items' keys were applied
 * P applied:{items}:sets           ZSET    as the user side's registry
 *
 * Event-id claims, each key its own slot (no tag):
 * P claim:{eventId}                STRING  "1" with TTL: the event id was accepted at ingestion
 * </pre>
 * Every key starts with the prefix, which has no brace ({@link RedisClientSettings}), so the first brace of a key is
 * always its tag's, whatever the ids contain.
 */
final class RedisKeys {

    static final String ITEMS = "{items}";
    /** The user side's applied-set tag on one Redis, where a call holds any users. */
    static final String USERS = "{users}";

    private final String prefix;
    private final String popularity;
    private final String popularityEpoch;
    private final String popularitySets;

    RedisKeys(String prefix) {
        this.prefix = prefix;
        this.popularity = prefix + "popularity:" + ITEMS;
        this.popularityEpoch = prefix + "popularity:epoch:" + ITEMS;
        this.popularitySets = prefix + "popularity:sets:" + ITEMS;
    }

    /**
     * The user's hash tag. Escaping '%' and '}' keeps it injective and closed: the tag ends at its own brace, and
     * no two users (nor a user and the text after the tag) share a key.
     */
    static String userTag(UserId user) {
        String id = user.value();
        if (id.indexOf('%') >= 0 || id.indexOf('}') >= 0) {
            id = id.replace("%", "%25").replace("}", "%7D");
        }
        return "{u:" + id + "}";
    }

    /** The applied set of one side ({@code tag}) and one hour of event time. */
    String appliedSet(String tag, long hour) {
        return prefix + "applied:" + tag + ":" + hour;
    }

    String appliedRegistry(String tag) {
        return prefix + "applied:" + tag + ":sets";
    }

    String claim(EventId event) {
        return prefix + "claim:" + event.value();
    }

    String recentItems(UserId user) {
        return prefix + "recent:" + userTag(user);
    }

    String seenItems(UserId user) {
        return prefix + "seen:" + userTag(user);
    }

    String positiveCells(UserId user) {
        return prefix + "positives:cells:" + userTag(user);
    }

    String positivesByRecency(UserId user) {
        return prefix + "positives:recency:" + userTag(user);
    }

    String userCounts(UserId user) {
        return prefix + "counts:user:" + userTag(user);
    }

    String itemCounts(ItemId item) {
        return prefix + "counts:item:" + ITEMS + ":" + item.value();
    }

    String popularity() {
        return popularity;
    }

    String categoryPopularity(String category) {
        return prefix + "popularity:category:" + ITEMS + ":" + category;
    }

    String popularityEpoch() {
        return popularityEpoch;
    }

    String popularitySets() {
        return popularitySets;
    }
}
