package io.tandem.adapters.out.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import io.tandem.domain.catalog.UserId;
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
 * set, positives); on one Redis that is one call for all users. Each side keeps its own record of applied event ids
 * (per-hour applied sets, {@link AppliedSets}), so a redelivered event, or a run retried after one side failed,
 * changes neither side twice (ADR-0030, ADR-0034).
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
    /**
     * Runs sent before their answers are awaited. Enough to keep Redis busy while the next is built; bounded so a
     * large replay does not hold every run's arguments at once.
     */
    static final int RUNS_IN_FLIGHT = 8;

    private static final long RUN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A rebase rescales every stored popularity value at once, far more work than any other command. */
    private static final long REBASE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final RedisScript APPLY_ITEMS = RedisScript.load("applied-sets.lua", "apply-item-updates.lua");
    private static final RedisScript APPLY_USERS = RedisScript.load("applied-sets.lua", "apply-user-updates.lua");
    private static final RedisScript REBASE = RedisScript.load("rebase-popularity.lua");
    private static final String NINE_ZEROS = "000000000";

    private final RedisLink redis;
    private final RedisKeys keys;
    private final Duration halfLife;
    /** How long an applied set is kept after its last recorded write: the TTL, plus twice the recording delay. */
    private final String appliedKeepSeconds;
    private final AppliedSets.Touches touches = new AppliedSets.Touches();
    private final String recentItemsCapText;
    /** The epoch last confirmed by Redis, shared with the reads; a stale one is caught by the scripts. */
    private final AtomicReference<PopularityEpoch> epoch;
    private final long commandTimeoutNanos;

    RedisFeatureWrites(RedisLink redis, RedisKeys keys, Duration halfLife, int recentItemsCap,
                       Duration appliedEventsTtl, AtomicReference<PopularityEpoch> epoch, Duration commandTimeout) {
        this.redis = redis;
        this.keys = keys;
        this.halfLife = halfLife;
        this.appliedKeepSeconds = Long.toString(appliedEventsTtl.toSeconds() + 2 * AppliedSets.RECORD_INTERVAL_SECONDS);
        this.recentItemsCapText = Integer.toString(recentItemsCap);
        this.epoch = epoch;
        this.commandTimeoutNanos = commandTimeout.toNanos();
    }

    /**
     * Applies the updates in order, one run per {@value #EVENTS_PER_SCRIPT} updates. The runs up to the next
     * popularity rebase (at most {@value #RUNS_IN_FLIGHT} at a time) are sent as they are built and awaited
     * together, so building a run overlaps Redis running the previous one. A segment ends where an update lies so
     * far past the epoch that popularity must be rebased first, exactly where the in-memory store rebases, so both
     * stores hold the same values.
     */
    void apply(List<FeatureUpdate> updates) {
        int size = updates.size();
        int from = 0;
        while (from < size) {
            PopularityEpoch current = epoch.get();
            RedisLink.Pipeline pipeline = redis.pipeline();
            List<Run> runs = new ArrayList<>();
            long now = System.nanoTime();
            int to = from;
            boolean rebase = false;
            while (to < size && !rebase && runs.size() < RUNS_IN_FLIGHT) {
                int runFrom = to;
                int end = Math.min(size, to + EVENTS_PER_SCRIPT);
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
                if (to > runFrom) {
                    runs.add(sendRun(pipeline, updates, runFrom, to, current, now));
                }
            }
            List<Object> replies = runs.isEmpty() ? List.of()
                    : pipeline.awaitAll(Math.max(RUN_TIMEOUT_NANOS * runs.size(), commandTimeoutNanos));
            Run mismatched = settle(runs, replies, now);
            if (mismatched != null) {
                // Nothing of that run's items side was written: redo from it with the epoch Redis holds (user sides
                // applied already, and any later run's items side, skip every event by their applied sets).
                epoch.set(PopularityEpoch.parse(mismatched.storedEpoch, halfLife));
                from = mismatched.from;
                continue;
            }
            if (current != null) {
                epoch.set(current);
            }
            from = to;
            if (rebase) {
                epoch.set(rebase(current, updates.get(from).time()));
            }
        }
    }

    /** Builds and sends one run's calls: its items side first, then one per user slot. */
    private Run sendRun(RedisLink.Pipeline pipeline, List<FeatureUpdate> updates, int from, int to,
                        PopularityEpoch current, long now) {
        Run run = new Run(from, pipeline.sent());
        pipeline.send(itemsCall(updates, from, to, current, now, run.applied));
        for (List<Integer> group : redis.bySlot(to - from, i -> keys.recentItems(updates.get(from + i).user()))) {
            pipeline.send(usersCall(updates, from, group, now, run.applied));
        }
        return run;
    }

    /**
     * Records the applied sets each run wrote to, and returns the first run whose items side found another epoch
     * stored (its stored epoch set), or null when every run was applied.
     */
    private static Run settle(List<Run> runs, List<Object> replies, long now) {
        Run mismatched = null;
        for (Run run : runs) {
            List<?> items = (List<?>) replies.get(run.firstCall);
            boolean itemsApplied = ((Long) items.get(0)) == 1L;
            // The item side records nothing when its epoch did not match; every user side did.
            for (int i = itemsApplied ? 0 : 1; i < run.applied.size(); i++) {
                run.applied.get(i).recorded(now);
            }
            if (!itemsApplied && mismatched == null) {
                mismatched = run;
                mismatched.storedEpoch = (String) items.get(1);
            }
        }
        return mismatched;
    }

    /** One run of a pipeline: where it starts, its first call among the pipeline's, and its calls' applied sets. */
    private static final class Run {
        final int from;
        final int firstCall;
        final List<AppliedSets> applied = new ArrayList<>();
        String storedEpoch;

        Run(int from, int firstCall) {
            this.from = from;
            this.firstCall = firstCall;
        }
    }

    private RedisLink.ScriptCall itemsCall(List<FeatureUpdate> updates, int from, int to, PopularityEpoch current,
                                           long now, List<AppliedSets> calls) {
        AppliedSets applied = new AppliedSets(keys, RedisKeys.ITEMS, touches);
        calls.add(applied);
        List<String> perEventKeys = new ArrayList<>(2 * (to - from));
        String[] args = new String[4 + 6 * (to - from)];
        args[0] = current == null ? "" : current.text();
        args[1] = appliedKeepSeconds;
        int a = 4;
        for (int i = from; i < to; i++) {
            FeatureUpdate update = updates.get(i);
            boolean popular = update.popularityWeight() > 0;
            perEventKeys.add(keys.itemCounts(update.item()));
            args[a++] = update.eventId().value();
            args[a++] = Integer.toString(applied.indexOf(update));
            args[a++] = update.type().wireName();
            args[a++] = update.item().value();
            // Double.toString round-trips exactly, so Redis adds the same double the in-memory store adds.
            args[a++] = popular
                    ? Double.toString(current.decay().increment(update.popularityWeight(), update.time()))
                    : "";
            args[a++] = popular ? Integer.toString(update.categories().size()) : "0";
            if (popular) {
                for (String category : update.categories()) {
                    perEventKeys.add(keys.categoryPopularity(category));
                }
            }
        }
        args[2] = Integer.toString(applied.setKeys().size());
        args[3] = applied.recordFlags(now);
        List<String> keyList = new ArrayList<>(4 + applied.setKeys().size() + perEventKeys.size());
        keyList.add(keys.popularityEpoch());
        keyList.add(keys.popularity());
        keyList.add(keys.popularitySets());
        keyList.add(applied.registry());
        keyList.addAll(applied.setKeys());
        keyList.addAll(perEventKeys);
        return new RedisLink.ScriptCall(APPLY_ITEMS, ScriptOutputType.MULTI, keyList.toArray(String[]::new), args);
    }

    /** One call for the events at {@code from + offsets}, whose users' keys share a slot. */
    private RedisLink.ScriptCall usersCall(List<FeatureUpdate> updates, int from, List<Integer> offsets, long now,
                                           List<AppliedSets> calls) {
        UserId first = updates.get(from + offsets.get(0)).user();
        AppliedSets applied = new AppliedSets(keys, redis.cluster()
                ? AppliedSets.slotTag(SlotHash.getSlot(keys.recentItems(first)))
                : RedisKeys.USERS, touches);
        calls.add(applied);
        List<String> perEventKeys = new ArrayList<>(5 * offsets.size());
        String[] args = new String[4 + 8 * offsets.size()];
        args[0] = appliedKeepSeconds;
        args[1] = recentItemsCapText;
        int a = 4;
        for (int offset : offsets) {
            FeatureUpdate update = updates.get(from + offset);
            perEventKeys.add(keys.userCounts(update.user()));
            perEventKeys.add(keys.recentItems(update.user()));
            perEventKeys.add(keys.positiveCells(update.user()));
            perEventKeys.add(keys.positivesByRecency(update.user()));
            perEventKeys.add(keys.seenItems(update.user()));
            args[a++] = update.eventId().value();
            args[a++] = Integer.toString(applied.indexOf(update));
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
        args[2] = Integer.toString(applied.setKeys().size());
        args[3] = applied.recordFlags(now);
        List<String> keyList = new ArrayList<>(1 + applied.setKeys().size() + perEventKeys.size());
        keyList.add(applied.registry());
        keyList.addAll(applied.setKeys());
        keyList.addAll(perEventKeys);
        return new RedisLink.ScriptCall(APPLY_USERS, ScriptOutputType.INTEGER, keyList.toArray(String[]::new), args);
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
