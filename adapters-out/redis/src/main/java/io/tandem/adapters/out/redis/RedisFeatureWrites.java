package io.tandem.adapters.out.redis;

import io.lettuce.core.ScriptOutputType;
import io.tandem.domain.feature.FeatureUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The writes of the Redis online store: runs of feature updates, each event applied at most once, and the rare
 * popularity rebase. A run is two kinds of script call, sent together: one on the items' slot (item counters,
 * popularity, checked against the stored epoch) and one per user slot touched (user counters, recent items, seen
 * set, positives); on one Redis that is one call for all users. Each side keeps its own applied marker, so a
 * redelivered event, or a run retried after one side failed, changes neither side twice (ADR-0030).
 */
final class RedisFeatureWrites {

    /**
     * Events per run. A script blocks Redis while it runs; a bounded run keeps each call to a few milliseconds, so
     * serving reads interleave with a large ingestion batch.
     */
    static final int EVENTS_PER_SCRIPT = 500;

    /**
     * The bound of one run. Writes are off the request path (the log consumer waits for them), so the serving
     * command timeout does not fit them: on a loaded machine a run of {@value #EVENTS_PER_SCRIPT} events queued behind
     * other clients' commands outlasts 200 ms, and each time-out made the consumer re-read and re-send its whole poll
     * after a backoff, a retry storm that multiplied Redis's work. The bound still ends a hang.
     */
    private static final long RUN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A rebase rescales every stored popularity value at once, far more work than any other command. */
    private static final long REBASE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final RedisScript APPLY_ITEMS = RedisScript.load("apply-item-updates.lua");
    private static final RedisScript APPLY_USERS = RedisScript.load("apply-user-updates.lua");
    private static final RedisScript REBASE = RedisScript.load("rebase-popularity.lua");
    private static final String NINE_ZEROS = "000000000";

    private final RedisLink redis;
    private final RedisKeys keys;
    private final Duration halfLife;
    private final String appliedTtlSeconds;
    private final String recentItemsCapText;
    /** The epoch last confirmed by Redis, shared with the reads; a stale one is caught by the scripts. */
    private final AtomicReference<PopularityEpoch> epoch;
    private final long commandTimeoutNanos;

    RedisFeatureWrites(RedisLink redis, RedisKeys keys, Duration halfLife, int recentItemsCap,
                       Duration appliedEventsTtl, AtomicReference<PopularityEpoch> epoch, Duration commandTimeout) {
        this.redis = redis;
        this.keys = keys;
        this.halfLife = halfLife;
        this.appliedTtlSeconds = Long.toString(appliedEventsTtl.toSeconds());
        this.recentItemsCapText = Integer.toString(recentItemsCap);
        this.epoch = epoch;
        this.commandTimeoutNanos = commandTimeout.toNanos();
    }

    /**
     * Applies the updates in order, one run per {@value #EVENTS_PER_SCRIPT} updates (one round trip for a usual
     * batch). A run ends early where an update lies so far past the epoch that popularity must be rebased first,
     * exactly where the in-memory store rebases, so both stores hold the same values.
     */
    void apply(List<FeatureUpdate> updates) {
        int size = updates.size();
        int from = 0;
        while (from < size) {
            PopularityEpoch current = epoch.get();
            int end = Math.min(size, from + EVENTS_PER_SCRIPT);
            int to = from;
            boolean rebase = false;
            for (; to < end; to++) {
                FeatureUpdate update = updates.get(to);
                if (update.popularityWeight() > 0) {
                    if (current == null) {
                        // Proposed: the script stores it unless another process stored one first.
                        current = PopularityEpoch.of(update.time(), halfLife);
                    } else if (current.decay().needsRebase(update.time())) {
                        rebase = true;
                        break;
                    }
                }
            }
            if (to > from) {
                String stored = applyRun(updates, from, to, current);
                if (stored != null) {
                    // Nothing of the items side was written: redo the run with the epoch Redis holds (the user
                    // side, applied already, skips every event by its markers).
                    epoch.set(PopularityEpoch.parse(stored, halfLife));
                    continue;
                }
                if (current != null) {
                    epoch.set(current);
                }
                from = to;
            }
            if (rebase) {
                epoch.set(rebase(current, updates.get(from).time()));
            }
        }
    }

    /** Returns null when the run was applied, else the stored epoch that differs from {@code current}'s. */
    private String applyRun(List<FeatureUpdate> updates, int from, int to, PopularityEpoch current) {
        List<RedisLink.ScriptCall> calls = new ArrayList<>();
        calls.add(itemsCall(updates, from, to, current));
        for (List<Integer> group : redis.bySlot(to - from, i -> keys.recentItems(updates.get(from + i).user()))) {
            calls.add(usersCall(updates, from, group));
        }
        List<Object> replies = redis.runAll(calls, Math.max(RUN_TIMEOUT_NANOS, commandTimeoutNanos));
        List<?> items = (List<?>) replies.get(0);
        return ((Long) items.get(0)) == 1L ? null : (String) items.get(1);
    }

    private RedisLink.ScriptCall itemsCall(List<FeatureUpdate> updates, int from, int to, PopularityEpoch current) {
        int keyCount = 3;
        for (int i = from; i < to; i++) {
            FeatureUpdate update = updates.get(i);
            keyCount += 2 + (update.popularityWeight() > 0 ? update.categories().size() : 0);
        }
        String[] keyArray = new String[keyCount];
        String[] args = new String[2 + 4 * (to - from)];
        keyArray[0] = keys.popularityEpoch();
        keyArray[1] = keys.popularity();
        keyArray[2] = keys.popularitySets();
        args[0] = current == null ? "" : current.text();
        args[1] = appliedTtlSeconds;
        int k = 3;
        int a = 2;
        for (int i = from; i < to; i++) {
            FeatureUpdate update = updates.get(i);
            boolean popular = update.popularityWeight() > 0;
            keyArray[k++] = keys.itemsApplied(update.eventId());
            keyArray[k++] = keys.itemCounts(update.item());
            args[a++] = update.type().wireName();
            args[a++] = update.item().value();
            // Double.toString round-trips exactly, so Redis adds the same double the in-memory store adds.
            args[a++] = popular
                    ? Double.toString(current.decay().increment(update.popularityWeight(), update.time()))
                    : "";
            args[a++] = popular ? Integer.toString(update.categories().size()) : "0";
            if (popular) {
                for (String category : update.categories()) {
                    keyArray[k++] = keys.categoryPopularity(category);
                }
            }
        }
        return new RedisLink.ScriptCall(APPLY_ITEMS, ScriptOutputType.MULTI, keyArray, args);
    }

    /** One call for the events at {@code from + offsets}, whose users' keys share a slot. */
    private RedisLink.ScriptCall usersCall(List<FeatureUpdate> updates, int from, List<Integer> offsets) {
        String[] keyArray = new String[6 * offsets.size()];
        String[] args = new String[2 + 6 * offsets.size()];
        args[0] = appliedTtlSeconds;
        args[1] = recentItemsCapText;
        int k = 0;
        int a = 2;
        for (int offset : offsets) {
            FeatureUpdate update = updates.get(from + offset);
            keyArray[k++] = keys.userApplied(update.user(), update.eventId());
            keyArray[k++] = keys.userCounts(update.user());
            keyArray[k++] = keys.recentItems(update.user());
            keyArray[k++] = keys.positiveCells(update.user());
            keyArray[k++] = keys.positivesByRecency(update.user());
            keyArray[k++] = keys.seenItems(update.user());
            args[a++] = update.type().wireName();
            args[a++] = update.item().value();
            args[a++] = update.interaction() ? "1" : "0";
            if (update.popularityWeight() > 0) {
                // The label as the exact double of its float, so the script sums the floats training sums.
                args[a++] = Double.toString((float) update.popularityWeight());
                args[a++] = Long.toString(update.time().getEpochSecond());
                args[a++] = nineDigits(update.time().getNano());
            } else {
                args[a++] = "";
                args[a++] = "";
                args[a++] = "";
            }
        }
        return new RedisLink.ScriptCall(APPLY_USERS, ScriptOutputType.INTEGER, keyArray, args);
    }

    private static String nineDigits(int nanos) {
        String digits = Integer.toString(nanos);
        return NINE_ZEROS.substring(digits.length()) + digits;
    }

    private PopularityEpoch rebase(PopularityEpoch old, Instant newEpoch) {
        PopularityEpoch next = PopularityEpoch.of(newEpoch, halfLife);
        String factor = Double.toString(old.decay().rebaseFactor(newEpoch));
        String stored = redis.run(REBASE, ScriptOutputType.VALUE,
                new String[] {keys.popularityEpoch(), keys.popularity(), keys.popularitySets()},
                new String[] {old.text(), next.text(), factor}, REBASE_TIMEOUT_NANOS);
        if (stored.equals(next.text())) {
            return next;
        }
        return stored.isEmpty() ? null : PopularityEpoch.parse(stored, halfLife);
    }
}
