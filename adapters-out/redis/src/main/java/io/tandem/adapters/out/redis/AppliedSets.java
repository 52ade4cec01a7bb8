package io.tandem.adapters.out.redis;

import io.lettuce.core.cluster.SlotHash;
import io.tandem.domain.feature.FeatureUpdate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The applied sets one script call touches (ADR-0034): each event id goes to the SET of its side, its slot and the
 * hour of its event time, so a redelivered event finds its id where it was put, whichever process applies it and
 * whenever. Built per call: the set keys (in first-use order, for KEYS), each event's index among them, and which
 * sets need their write recorded in the registry ({@link Touches}).
 */
final class AppliedSets {

    /**
     * How late a write to a set may be recorded. Recording it on every run cost one ZADD per call, on a cluster about
     * one per event (a call per user slot); recording it at most this late costs one a minute per set.
     */
    static final long RECORD_INTERVAL_SECONDS = 60;
    private static final long SECONDS_PER_BUCKET = 3600;
    /** A hash tag per cluster slot, found once: the user side's applied sets of a call must share its users' slot. */
    private static volatile String[] slotTags;

    private final RedisKeys keys;
    private final String tag;
    private final Touches touches;
    private final Map<Long, Integer> indexByBucket = new HashMap<>();
    private final List<String> setKeys = new ArrayList<>();

    AppliedSets(RedisKeys keys, String tag, Touches touches) {
        this.keys = keys;
        this.tag = tag;
        this.touches = touches;
    }

    /** The registry of this side's applied sets on the slot of {@link #tag}. */
    String registry() {
        return keys.appliedRegistry(tag);
    }

    /** The 1-based index of the update's applied set among {@link #setKeys()}, adding the set when new. */
    int indexOf(FeatureUpdate update) {
        long bucket = Math.floorDiv(update.time().getEpochSecond(), SECONDS_PER_BUCKET);
        return indexByBucket.computeIfAbsent(bucket, b -> {
            setKeys.add(keys.appliedSet(tag, b));
            return setKeys.size();
        });
    }

    List<String> setKeys() {
        return setKeys;
    }

    /** One flag per set of {@link #setKeys()}: '1' where its write must be recorded now. */
    String recordFlags(long nowNanos) {
        StringBuilder flags = new StringBuilder(setKeys.size());
        for (String key : setKeys) {
            flags.append(touches.due(key, nowNanos) ? '1' : '0');
        }
        return flags.toString();
    }

    /** Notes that the call recorded its sets' writes at {@code nowNanos}; only once Redis confirmed the call. */
    void recorded(long nowNanos) {
        touches.recorded(setKeys, nowNanos);
    }

    /** When this process last had each applied set's write recorded, so it records one at most once a minute. */
    static final class Touches {

        private static final long INTERVAL_NANOS = RECORD_INTERVAL_SECONDS * 1_000_000_000L;
        /** Past this many sets, the ones not recorded within the interval are forgotten (they are due anyway). */
        private static final int PRUNE_AT = 50_000;
        private final Map<String, Long> recordedAt = new ConcurrentHashMap<>();

        boolean due(String key, long nowNanos) {
            Long at = recordedAt.get(key);
            return at == null || nowNanos - at >= INTERVAL_NANOS;
        }

        void recorded(List<String> keys, long nowNanos) {
            for (String key : keys) {
                recordedAt.merge(key, nowNanos, (old, now) -> nowNanos - old >= INTERVAL_NANOS ? now : old);
            }
            if (recordedAt.size() > PRUNE_AT) {
                recordedAt.values().removeIf(at -> nowNanos - at >= INTERVAL_NANOS);
            }
        }
    }

    /**
     * A hash tag, {@code {s:N}}, whose slot is {@code slot}: the first N found. All 16,384 are found in one pass of
     * about 170,000 CRC16s (a few milliseconds), the first time a cluster needs one.
     */
    static String slotTag(int slot) {
        String[] tags = slotTags;
        if (tags == null) {
            tags = findSlotTags();
            slotTags = tags;
        }
        return tags[slot];
    }

    private static String[] findSlotTags() {
        String[] tags = new String[SlotHash.SLOT_COUNT];
        int missing = tags.length;
        for (int n = 0; missing > 0; n++) {
            String content = "s:" + n;
            int slot = SlotHash.getSlot(content);
            if (tags[slot] == null) {
                tags[slot] = "{" + content + "}";
                missing--;
            }
        }
        return tags;
    }
}
