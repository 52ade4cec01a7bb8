package io.tandem.adapters.out.redis;

import io.lettuce.core.ScriptOutputType;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.EventCounts;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reads of the Redis online store, each one round trip on one hash slot: a user's keys ({u:...}) or the items'
 * keys ({items}), so they run alike on one Redis and on Redis Cluster (ADR-0030).
 */
final class RedisFeatureReads {

    private static final RedisScript READ_POPULAR = RedisScript.load("read-popular-items.lua");
    private static final RedisScript READ_COUNTS = RedisScript.load("read-event-counts.lua");
    private static final RedisScript READ_USER_STATE = RedisScript.load("read-user-state.lua");

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
    private final long userStateTimeoutNanos;
    /** The epoch last confirmed by Redis, shared with the writes. */
    private final AtomicReference<PopularityEpoch> epoch;

    RedisFeatureReads(RedisLink redis, RedisKeys keys, Duration halfLife, int recentItemsCap,
                      Duration userStateTimeout, AtomicReference<PopularityEpoch> epoch) {
        this.redis = redis;
        this.keys = keys;
        this.halfLife = halfLife;
        this.recentItemsCap = recentItemsCap;
        this.userStateTimeoutNanos = userStateTimeout.toNanos();
        this.epoch = epoch;
    }

    List<ItemId> recentItems(UserId user, int limit) {
        String key = keys.recentItems(user);
        long last = Math.min(limit, recentItemsCap) - 1L;
        List<String> members = redis.call(commands -> commands.lrange(key, 0, last));
        ItemId[] items = new ItemId[members.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = new ItemId(members.get(i));
        }
        return List.of(items);
    }

    /** One script call under the user-state timeout: the whole seen set and the newest positive cells. */
    @SuppressWarnings("unchecked")
    UserState userState(UserId user, int limit) {
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
    @SuppressWarnings("unchecked")
    List<ScoredItem> popularItems(Optional<String> category, int limit, Instant at) {
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
        PopularityEpoch known = epoch.get();
        if (known != null && known.text().equals(epochText)) {
            return known.decay();
        }
        PopularityEpoch parsed = PopularityEpoch.parse(epochText, halfLife);
        epoch.set(parsed);
        return parsed.decay();
    }

    EventCounts userCounts(UserId user) {
        String key = keys.userCounts(user);
        Map<String, String> fields = redis.call(commands -> commands.hgetall(key));
        if (fields.isEmpty()) {
            return EventCounts.NONE;
        }
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        fields.forEach((name, value) -> put(counts, name, value));
        return new EventCounts(counts);
    }

    /** One script call for all items, however many: their counters share the items' slot. */
    @SuppressWarnings("unchecked")
    Map<ItemId, EventCounts> itemCounts(Collection<ItemId> items) {
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
}
