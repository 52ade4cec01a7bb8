package io.tandem.adapters.out.redis;

import io.tandem.application.feature.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.feature.port.out.LoadEventCountsPort;
import io.tandem.application.feature.port.out.LoadPopularItemsPort;
import io.tandem.application.feature.port.out.LoadRecentItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.EventCounts;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.PopularityDecay;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The online feature store in Redis, shared by every Tandem process on the same Redis (or Redis Cluster) and key
 * prefix, and equal in behaviour to the in-memory store: recent items per user (a capped list, newest first, each
 * item once), every item each user acted on (an uncapped set, the seen filter's memory), positive interactions per
 * user (a hash of cells and a sorted set by their latest time, capped alike), time-decayed popularity overall and
 * per category (sorted sets holding {@link PopularityDecay}'s increments, under an epoch stored in Redis), and
 * event counters per user and item. Each event id is applied at most once, atomically with its writes, in Lua
 * scripts ({@link RedisFeatureWrites}); reads are one round trip each ({@link RedisFeatureReads}). See
 * {@link RedisKeys} for the layout and its hash tags, which let every script run on Redis Cluster (ADR-0030).
 *
 * <p>The epoch is the first weighted event's time, stored with SET-if-absent semantics inside the apply
 * script; every script that writes or reads popularity compares it, so a process holding a stale epoch is
 * told and redoes its run. A rebase is one Lua script that rescales all popularity sets and moves the epoch
 * atomically, guarded by a compare of the old epoch, so two processes rebasing at once rescale only once.
 * It blocks Redis (on a cluster, the items' node) for one pass over the sets, about once per 900 half-lives
 * (17 years at a 7-day half-life).
 */
public final class RedisOnlineFeaturesAdapter
        implements ApplyFeatureUpdatesPort, LoadRecentItemsPort, LoadUserStatePort, LoadPopularItemsPort,
        LoadEventCountsPort, AutoCloseable {

    /** How long an applied event id is remembered; longer than any redelivery of the event log. */
    public static final Duration DEFAULT_APPLIED_EVENTS_TTL = Duration.ofDays(7);

    /** Events per run of script calls (see {@link RedisFeatureWrites#EVENTS_PER_SCRIPT}). */
    static final int EVENTS_PER_SCRIPT = RedisFeatureWrites.EVENTS_PER_SCRIPT;

    private final RedisLink redis;
    /**
     * The writes' own connection: a pipeline of apply scripts on the reads' connection would queue every serving
     * read behind it, where on a connection of their own Redis serves the reads between two scripts.
     */
    private final RedisLink writeLink;
    private final RedisFeatureWrites writes;
    private final RedisFeatureReads reads;

    /** An adapter that remembers applied event ids for {@link #DEFAULT_APPLIED_EVENTS_TTL}. */
    public RedisOnlineFeaturesAdapter(RedisClientSettings settings, Duration popularityHalfLife, int recentItemsCap) {
        this(settings, popularityHalfLife, recentItemsCap, DEFAULT_APPLIED_EVENTS_TTL);
    }

    /**
     * @param appliedEventsTtl how long an applied event id is remembered (whole seconds, at least one); a
     *                         redelivery later than this would be applied again
     */
    public RedisOnlineFeaturesAdapter(RedisClientSettings settings, Duration popularityHalfLife, int recentItemsCap,
                                      Duration appliedEventsTtl) {
        this(settings, popularityHalfLife, recentItemsCap, appliedEventsTtl, settings.commandTimeout());
    }

    /**
     * @param appliedEventsTtl  as above
     * @param userStateTimeout  the bound of {@link #userState}, the read on the request path: serving waits for it
     *                          on its own thread (no hand-off), so it is the online store's serving timeout
     */
    public RedisOnlineFeaturesAdapter(RedisClientSettings settings, Duration popularityHalfLife, int recentItemsCap,
                                      Duration appliedEventsTtl, Duration userStateTimeout) {
        Objects.requireNonNull(settings, "settings");
        if (userStateTimeout == null || userStateTimeout.isZero() || userStateTimeout.isNegative()) {
            throw new IllegalArgumentException("userStateTimeout must be a positive duration");
        }
        if (popularityHalfLife == null || popularityHalfLife.isZero() || popularityHalfLife.isNegative()) {
            throw new IllegalArgumentException("popularityHalfLife must be a positive duration");
        }
        if (recentItemsCap < 1) {
            throw new IllegalArgumentException("recentItemsCap must be 1 or more");
        }
        if (appliedEventsTtl == null || appliedEventsTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("appliedEventsTtl must be at least one second");
        }
        RedisKeys keys = new RedisKeys(settings.keyPrefix());
        AtomicReference<PopularityEpoch> epoch = new AtomicReference<>();
        this.redis = new RedisLink(settings);
        this.writeLink = new RedisLink(settings);
        this.writes = new RedisFeatureWrites(writeLink, keys, popularityHalfLife, recentItemsCap, appliedEventsTtl, epoch,
                settings.commandTimeout());
        this.reads = new RedisFeatureReads(redis, keys, popularityHalfLife, recentItemsCap, userStateTimeout, epoch);
    }

    /**
     * Applies the updates in order: per run of up to 500, one script call on the items' slot and one per user slot
     * touched (one in all on a single Redis); the runs up to the next popularity rebase are pipelined on the writes'
     * own connection (ADR-0034).
     */
    @Override
    public void apply(List<FeatureUpdate> updates) {
        writes.apply(updates);
    }

    @Override
    public List<ItemId> recentItems(UserId user, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return limit == 0 ? List.of() : reads.recentItems(user, limit);
    }

    /**
     * One script call (one round trip, under the user-state timeout): every item the user acted on (the whole seen
     * set, however large: its cost grows with it, see docs/benchmarks.md) and the newest positive cells, read
     * together. Values are exact: the script keeps each cell's float sum as the exact text of its double, so the
     * float read back is the one the in-memory store holds, to the last bit. Items with equal times come greater
     * id first, compared as UTF-8 bytes here and as UTF-16 units in memory, which differ only between ids with
     * characters above U+FFFF and ids with characters in U+E000..U+FFFF.
     */
    @Override
    public UserState userState(UserId user, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return reads.userState(user, limit);
    }

    /** One script call: the epoch and the top of the set, read together. */
    @Override
    public List<ScoredItem> popularItems(Optional<String> category, int limit, Instant at) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return limit == 0 ? List.of() : reads.popularItems(category, limit, at);
    }

    @Override
    public EventCounts userCounts(UserId user) {
        return reads.userCounts(user);
    }

    /** One script call for all items, however many. */
    @Override
    public Map<ItemId, EventCounts> itemCounts(Collection<ItemId> items) {
        return items.isEmpty() ? Map.of() : reads.itemCounts(items);
    }

    @Override
    public void close() {
        writeLink.close();
        redis.close();
    }
}
