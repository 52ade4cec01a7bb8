package io.tandem.adapters.out.redis;

import io.lettuce.core.cluster.SlotHash;
import io.tandem.domain.feature.FeatureUpdate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The applied sets one script call touches (ADR-0034): each event id goes to the SET of its side, its slot and the
 * hour of its event time, so a redelivered event finds its id where it was put, whichever process applies it and
 * whenever. Built per call: the set keys (in first-use order, for KEYS) and each event's index among them.
 */
final class AppliedSets {

    private static final long SECONDS_PER_BUCKET = 3600;
    /** A hash tag per cluster slot, found once: the user side's applied sets of a call must share its users' slot. */
    private static volatile String[] slotTags;

    private final RedisKeys keys;
    private final String tag;
    private final Map<Long, Integer> indexByBucket = new HashMap<>();
    private final List<String> setKeys = new ArrayList<>();

    AppliedSets(RedisKeys keys, String tag) {
        this.keys = keys;
        this.tag = tag;
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
