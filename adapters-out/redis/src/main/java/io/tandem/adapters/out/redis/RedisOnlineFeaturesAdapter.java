package io.tandem.adapters.out.redis;

import io.lettuce.core.ScriptOutputType;
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
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.retrieval.ScoredItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The online feature store in Redis, shared by every Tandem process on the same Redis and key prefix, and
 * equal in behaviour to the in-memory store: recent items per user (a capped list, newest first, each item
 * once), every item each user acted on (an uncapped set, the seen filter's memory), positive interactions per user (a hash of cells and a sorted set by their latest time, capped alike),
 * time-decayed popularity overall and per category (sorted sets holding {@link PopularityDecay}'s
 * increments, under an epoch stored in Redis), and event counters per user and item. Each event id is
 * applied at most once, atomically with its writes, in a Lua script. See {@link RedisKeys} for the layout.
 *
 * <p>The epoch is the first weighted event's time, stored with SET-if-absent semantics inside the apply
 * script; every script that writes or reads popularity compares it, so a process holding a stale epoch is
 * told and redoes its run. A rebase is one Lua script that rescales all popularity sets and moves the epoch
 * atomically, guarded by a compare of the old epoch, so two processes rebasing at once rescale only once.
 * It blocks Redis for one pass over the sets, about once per 900 half-lives (17 years at a 7-day half-life).
 *
 * <p>The scripts touch user, item and popularity keys together, so the store needs one Redis (standalone,
 * or a primary with replicas and Sentinel), not Redis Cluster.
 */
public final class RedisOnlineFeaturesAdapter
        implements ApplyFeatureUpdatesPort, LoadRecentItemsPort, LoadUserStatePort, LoadPopularItemsPort,
        LoadEventCountsPort, AutoCloseable {

    /** How long an applied event id is remembered; longer than any redelivery of the event log. */
    public static final Duration DEFAULT_APPLIED_EVENTS_TTL = Duration.ofDays(7);

    /**
     * Events per script call. A script blocks Redis while it runs; a bounded run keeps each call to a few
     * milliseconds, so serving reads interleave with a large ingestion batch.
     */
    static final int EVENTS_PER_SCRIPT = 500;

    /** A rebase rescales every stored popularity value at once, far more work than any other command. */
    private static final long REBASE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final RedisScript APPLY = RedisScript.load("apply-feature-updates.lua");
    private static final RedisScript REBASE = RedisScript.load("rebase-popularity.lua");
    private static final RedisScript READ_POPULAR = RedisScript.load("read-popular-items.lua");
    private static final RedisScript READ_COUNTS = RedisScript.load("read-event-counts.lua");
    private static final RedisScript READ_USER_STATE = RedisScript.load("read-user-state.lua");
    private static final String NINE_ZEROS = "000000000";

    private static final Map<String, EventType> TYPES_BY_WIRE_NAME = new HashMap<>();

    static {
        for (EventType type : EventType.values()) {
            TYPES_BY_WIRE_NAME.put(type.wireName(), type);
        }
    }

    private final RedisLink redis;
    private final RedisKeys keys;
    private final Duration halfLife;
    private final int recentItemsCap;
    private final String appliedTtlSeconds;
    private final String recentItemsCapText;
    /** How long the serving read of a user's state may take (its own bound, tighter than other commands'). */
    private final long userStateTimeoutNanos;
    /** The epoch last confirmed by Redis; a stale one is caught by the scripts, which compare it. */
    private volatile Epoch epoch;

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
        this.userStateTimeoutNanos = userStateTimeout.toNanos();
        if (popularityHalfLife == null || popularityHalfLife.isZero() || popularityHalfLife.isNegative()) {
            throw new IllegalArgumentException("popularityHalfLife must be a positive duration");
        }
        if (recentItemsCap < 1) {
            throw new IllegalArgumentException("recentItemsCap must be 1 or more");
        }
        if (appliedEventsTtl == null || appliedEventsTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("appliedEventsTtl must be at least one second");
        }
        this.halfLife = popularityHalfLife;
        this.recentItemsCap = recentItemsCap;
        this.appliedTtlSeconds = Long.toString(appliedEventsTtl.toSeconds());
        this.recentItemsCapText = Integer.toString(recentItemsCap);
        this.keys = new RedisKeys(settings.keyPrefix());
        this.redis = new RedisLink(settings);
    }

    /**
     * Applies the updates in order, one script call per {@value #EVENTS_PER_SCRIPT} updates (one round trip
     * for a usual batch). A run ends early where an update lies so far past the epoch that popularity must
     * be rebased first, exactly where the in-memory store rebases, so both stores hold the same values.
     */
    @Override
    public void apply(List<FeatureUpdate> updates) {
        int size = updates.size();
        int from = 0;
        while (from < size) {
            Epoch current = epoch;
            int end = Math.min(size, from + EVENTS_PER_SCRIPT);
            int to = from;
            boolean rebase = false;
            for (; to < end; to++) {
                FeatureUpdate update = updates.get(to);
                if (update.popularityWeight() > 0) {
                    if (current == null) {
                        // Proposed: the script stores it unless another process stored one first.
                        current = Epoch.of(update.time(), halfLife);
                    } else if (current.decay().needsRebase(update.time())) {
                        rebase = true;
                        break;
                    }
                }
            }
            if (to > from) {
                String stored = applyRun(updates, from, to, current);
                if (stored != null) {
                    // Nothing of the run was written: redo it with the epoch Redis holds.
                    epoch = Epoch.parse(stored, halfLife);
                    continue;
                }
                if (current != null) {
                    epoch = current;
                }
                from = to;
            }
            if (rebase) {
                epoch = rebase(current, updates.get(from).time());
            }
        }
    }

    /** Returns null when the run was applied, else the stored epoch that differs from {@code current}'s. */
    private String applyRun(List<FeatureUpdate> updates, int from, int to, Epoch current) {
        int keyCount = 3;
        int argCount = 3;
        for (int i = from; i < to; i++) {
            FeatureUpdate update = updates.get(i);
            int categories = update.popularityWeight() > 0 ? update.categories().size() : 0;
            keyCount += 7 + categories;
            argCount += 8 + categories;
        }
        String[] keyArray = new String[keyCount];
        String[] args = new String[argCount];
        keyArray[0] = keys.popularityEpoch();
        keyArray[1] = keys.popularity();
        keyArray[2] = keys.popularitySets();
        args[0] = current == null ? "" : current.text();
        args[1] = appliedTtlSeconds;
        args[2] = recentItemsCapText;
        int k = 3;
        int a = 3;
        for (int i = from; i < to; i++) {
            FeatureUpdate update = updates.get(i);
            boolean popular = update.popularityWeight() > 0;
            keyArray[k++] = keys.applied(update.eventId());
            keyArray[k++] = keys.userCounts(update.user());
            keyArray[k++] = keys.itemCounts(update.item());
            keyArray[k++] = keys.recentItems(update.user());
            keyArray[k++] = keys.positiveCells(update.user());
            keyArray[k++] = keys.positivesByRecency(update.user());
            keyArray[k++] = keys.seenItems(update.user());
            args[a++] = update.type().wireName();
            args[a++] = update.item().value();
            args[a++] = update.interaction() ? "1" : "0";
            // Double.toString round-trips exactly, so Redis adds the same double the in-memory store adds.
            args[a++] = popular
                    ? Double.toString(current.decay().increment(update.popularityWeight(), update.time()))
                    : "";
            if (popular) {
                // The label as the exact double of its float, so the script sums the floats training sums.
                args[a++] = Double.toString((float) update.popularityWeight());
                args[a++] = Long.toString(update.time().getEpochSecond());
                args[a++] = nineDigits(update.time().getNano());
                args[a++] = Integer.toString(update.categories().size());
                for (String category : update.categories()) {
                    keyArray[k++] = keys.categoryPopularity(category);
                    args[a++] = category;
                }
            } else {
                args[a++] = "";
                args[a++] = "";
                args[a++] = "";
                args[a++] = "0";
            }
        }
        List<Object> reply = redis.run(APPLY, ScriptOutputType.MULTI, keyArray, args);
        return ((Long) reply.get(0)) == 1L ? null : (String) reply.get(1);
    }

    private static String nineDigits(int nanos) {
        String digits = Integer.toString(nanos);
        return NINE_ZEROS.substring(digits.length()) + digits;
    }

    private Epoch rebase(Epoch old, Instant newEpoch) {
        Epoch next = Epoch.of(newEpoch, halfLife);
        String factor = Double.toString(old.decay().rebaseFactor(newEpoch));
        String stored = redis.run(REBASE, ScriptOutputType.VALUE,
                new String[] {keys.popularityEpoch(), keys.popularity(), keys.popularitySets()},
                new String[] {old.text(), next.text(), factor}, REBASE_TIMEOUT_NANOS);
        if (stored.equals(next.text())) {
            return next;
        }
        return stored.isEmpty() ? null : Epoch.parse(stored, halfLife);
    }

    @Override
    public List<ItemId> recentItems(UserId user, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        String key = keys.recentItems(user);
        long last = Math.min(limit, recentItemsCap) - 1L;
        List<String> members = redis.call(commands -> commands.lrange(key, 0, last));
        ItemId[] items = new ItemId[members.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = new ItemId(members.get(i));
        }
        return List.of(items);
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
    @SuppressWarnings("unchecked")
    public UserState userState(UserId user, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        String last = Integer.toString(Math.min(limit, recentItemsCap) - 1);
        List<Object> reply = redis.run(READ_USER_STATE, ScriptOutputType.MULTI,
                new String[] {keys.seenItems(user), keys.recentItems(user), keys.positiveCells(user),
                    keys.positivesByRecency(user)},
                new String[] {last}, userStateTimeoutNanos);
        List<Object> seen = (List<Object>) reply.get(0);
        List<Object> items = (List<Object>) reply.get(1);
        List<Object> cells = (List<Object>) reply.get(2);
        if (seen.isEmpty() && items.isEmpty()) {
            return UserState.empty();
        }
        ItemId[] seenItems = new ItemId[seen.size()];
        for (int i = 0; i < seenItems.length; i++) {
            seenItems[i] = new ItemId((String) seen.get(i));
        }
        List<PositiveInteraction> positives = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            PositiveInteraction positive = positiveOf((String) items.get(i), (String) cells.get(i));
            if (positive != null) {
                positives.add(positive);
            }
        }
        // A set's members and a list read back from one are distinct, so Set.of takes them as they are.
        return new UserState(Set.of(seenItems), positives);
    }

    /**
     * A cell '{value} {epoch second} {nanos}' as a positive interaction; null for a cell whose float sum left
     * float's range (Lua prints an overflowed sum as "inf"), which no positive interaction can hold and which
     * the in-memory store does not report either.
     */
    private static PositiveInteraction positiveOf(String item, String cell) {
        int firstSpace = cell.indexOf(' ');
        int secondSpace = cell.indexOf(' ', firstSpace + 1);
        if (firstSpace < 1 || secondSpace < 0 || !Character.isDigit(cell.charAt(0))) {
            return null;
        }
        // The text is the exact double of a float, so the cast loses nothing.
        float value = (float) Double.parseDouble(cell.substring(0, firstSpace));
        if (!(value > 0) || Float.isInfinite(value)) {
            return null;
        }
        Instant time = Instant.ofEpochSecond(Long.parseLong(cell.substring(firstSpace + 1, secondSpace)),
                Long.parseLong(cell.substring(secondSpace + 1)));
        return new PositiveInteraction(new ItemId(item), value, time);
    }

    /** One script call: the epoch and the top of the set, read together. */
    @Override
    @SuppressWarnings("unchecked")
    public List<ScoredItem> popularItems(Optional<String> category, int limit, Instant at) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        String key = category.isPresent() ? keys.categoryPopularity(category.get()) : keys.popularity();
        List<Object> reply = redis.run(READ_POPULAR, ScriptOutputType.MULTI,
                new String[] {keys.popularityEpoch(), key}, new String[] {Integer.toString(limit)});
        String epochText = (String) reply.get(0);
        if (epochText.isEmpty()) {
            return List.of();
        }
        return top((List<Object>) reply.get(1), (List<Object>) reply.get(2), limit, decayOf(epochText), at);
    }

    /**
     * Orders as the in-memory store does: stored value descending, then item ascending. Redis gave equal
     * values in member-descending order, and, when a tie crosses the limit, all candidates of that tie.
     */
    private static List<ScoredItem> top(List<Object> top, List<Object> tied, int limit, PopularityDecay decay,
                                        Instant at) {
        int count = Math.min(top.size() / 2, limit);
        String[] members = new String[count + tied.size() / 2];
        double[] scores = new double[members.length];
        for (int i = 0; i < count; i++) {
            members[i] = (String) top.get(2 * i);
            scores[i] = Double.parseDouble((String) top.get(2 * i + 1));
        }
        if (!tied.isEmpty()) {
            // Replace the tie at the cut by every candidate of it; sorting below picks the lowest items.
            double boundary = scores[count - 1];
            while (count > 0 && scores[count - 1] == boundary) {
                count--;
            }
            for (int i = 0; i < tied.size() / 2; i++) {
                members[count] = (String) tied.get(2 * i);
                scores[count++] = boundary;
            }
        }
        for (int runStart = 0; runStart < count; ) {
            int runEnd = runStart + 1;
            while (runEnd < count && scores[runEnd] == scores[runStart]) {
                runEnd++;
            }
            if (runEnd - runStart > 1) {
                Arrays.sort(members, runStart, runEnd);
            }
            runStart = runEnd;
        }
        int size = Math.min(count, limit);
        ScoredItem[] items = new ScoredItem[size];
        for (int i = 0; i < size; i++) {
            items[i] = new ScoredItem(new ItemId(members[i]), decay.decayedAt(scores[i], at));
        }
        return List.of(items);
    }

    private PopularityDecay decayOf(String epochText) {
        Epoch known = epoch;
        if (known != null && known.text().equals(epochText)) {
            return known.decay();
        }
        Epoch parsed = Epoch.parse(epochText, halfLife);
        epoch = parsed;
        return parsed.decay();
    }

    @Override
    public EventCounts userCounts(UserId user) {
        String key = keys.userCounts(user);
        Map<String, String> fields = redis.call(commands -> commands.hgetall(key));
        return countsOf(fields);
    }

    /** One script call for all items, however many. */
    @Override
    @SuppressWarnings("unchecked")
    public Map<ItemId, EventCounts> itemCounts(Collection<ItemId> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        ItemId[] ids = items.toArray(new ItemId[0]);
        String[] keyArray = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            keyArray[i] = keys.itemCounts(ids[i]);
        }
        List<Object> reply = redis.run(READ_COUNTS, ScriptOutputType.MULTI, keyArray, new String[0]);
        Map<ItemId, EventCounts> answer = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            List<Object> fields = (List<Object>) reply.get(i);
            answer.put(ids[i], fields.isEmpty() ? EventCounts.NONE : countsOfPairs(fields));
        }
        return answer;
    }

    private static EventCounts countsOf(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return EventCounts.NONE;
        }
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        fields.forEach((name, value) -> put(counts, name, value));
        return new EventCounts(counts);
    }

    private static EventCounts countsOfPairs(List<Object> flatFields) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        for (int i = 0; i + 1 < flatFields.size(); i += 2) {
            put(counts, (String) flatFields.get(i), (String) flatFields.get(i + 1));
        }
        return new EventCounts(counts);
    }

    private static void put(Map<EventType, Long> counts, String wireName, String value) {
        EventType type = TYPES_BY_WIRE_NAME.get(wireName);
        // A type this version does not know (written by a newer one) is not ours to report.
        if (type != null) {
            counts.put(type, Long.parseLong(value));
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    /** A decay epoch with the exact text Redis stores for it (an ISO-8601 instant, full precision). */
    private record Epoch(String text, PopularityDecay decay) {

        static Epoch of(Instant instant, Duration halfLife) {
            return new Epoch(instant.toString(), new PopularityDecay(halfLife, instant));
        }

        static Epoch parse(String text, Duration halfLife) {
            return new Epoch(text, new PopularityDecay(halfLife, Instant.parse(text)));
        }
    }
}
